using AspNetAuditTrail.Capture;

namespace AspNetAuditTrail.Tests.Capture;

public class SingleLineTextTests
{
    [Theory]
    [InlineData("/api/products", "/api/products")]
    [InlineData("/api/\u202Egpj.exe", "/api/\\u202Egpj.exe")]
    [InlineData("alice\r\nFailed bob", "alice\\u000D\\u000AFailed bob")]
    [InlineData("\u001B[31mred", "\\u001B[31mred")]
    [InlineData("a\u0085b\u2066c\u2069\u200F", "a\\u0085b\\u2066c\\u2069\\u200F")]
    [InlineData("çà ü 日本", "çà ü 日本")]
    public void ControlAndDirectionCharactersBecomeVisibleEscapes(string value, string expected)
    {
        Assert.Equal(expected, SingleLineText.Neutralize(value));
    }

    [Fact]
    public void AValueWithoutControlsIsReturnedAsItIs()
    {
        var value = "Mozilla/5.0 (X11; Linux x86_64)";

        Assert.Same(value, SingleLineText.Neutralize(value));
        Assert.Null(SingleLineText.Neutralize(null));
    }
}
