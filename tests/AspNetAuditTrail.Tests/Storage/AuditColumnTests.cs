using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.Tests.Storage;

public class AuditColumnTests
{
    [Fact]
    public void TextLongerThanTheLimitIsCutWithAMarker()
    {
        var column = new AuditColumn<string>("path", AuditColumnType.Text, e => e, MaxLength: 10);

        Assert.Equal("abcdefghi…", column.ValueOf("abcdefghijklmnop"));
        Assert.Equal("abcdefghij", column.ValueOf("abcdefghij"));
    }

    [Fact]
    public void NulCharactersAndNulEscapesInJsonBecomeReplacementCharacters()
    {
        var text = new AuditColumn<string>("request_body", AuditColumnType.Text, e => e);
        var json = new AuditColumn<string>("extra_information", AuditColumnType.Json, e => e);

        Assert.Equal("a\uFFFDb", text.ValueOf("a\0b"));
        Assert.Equal("{\"n\":\"a\\uFFFDb\"}", json.ValueOf("{\"n\":\"a\\u0000b\"}"));
        Assert.Equal(42, new AuditColumn<int>("n", AuditColumnType.Int32, e => e).ValueOf(42));
        Assert.Null(text.ValueOf(null!));
    }
}
