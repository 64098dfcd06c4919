using System.Text;
using System.Text.Json;
using AspNetAuditTrail.Capture;

namespace AspNetAuditTrail.Tests.Capture;

public class SecretMaskerTests
{
    private readonly SecretMasker _masker = new(["cpf"]);

    private string MaskJson(string json, bool isComplete = true)
    {
        Assert.True(_masker.TryMaskJson(Encoding.UTF8.GetBytes(json), isComplete, out var masked));
        return masked;
    }

    [Fact]
    public void MasksTopLevelPassword()
    {
        Assert.Equal("""{"username":"alice","password":"***"}""", MaskJson("""{"username":"alice","password":"hunter2"}"""));
    }

    [Theory]
    [InlineData("refreshToken")]
    [InlineData("accessToken")]
    [InlineData("clientSecret")]
    [InlineData("apiKey")]
    [InlineData("X-Api-Key")]
    [InlineData("api.key")]
    [InlineData("PRIVATE_KEY")]
    [InlineData("cardNumber")]
    [InlineData("card-number")]
    [InlineData("pwd")]
    [InlineData("passwd")]
    [InlineData("credentials")]
    [InlineData("cvv")]
    [InlineData("pin")]
    [InlineData("otp")]
    [InlineData("signature")]
    [InlineData("sessionId")]
    [InlineData("Cookie")]
    [InlineData("c_p_f")]
    public void MasksSecretNamesAsDotNetAndOtherApisWriteThem(string name)
    {
        Assert.Equal($$"""{"{{name}}":"***","keep":"v"}""", MaskJson($$"""{"{{name}}":"s3cr3t","keep":"v"}"""));
        Assert.Equal($"{name}=***&keep=v", _masker.MaskUrlEncoded($"{Uri.EscapeDataString(name)}=s3cr3t&keep=v").Replace(Uri.EscapeDataString(name), name));
    }

    [Theory]
    [InlineData("token_type")]
    [InlineData("username")]
    [InlineData("pinned")]
    [InlineData("sessions_count")]
    public void LeavesNamesThatOnlyContainASecretName(string name)
    {
        Assert.False(_masker.IsMasked(name));
    }

    [Fact]
    public void MasksAtAnyDepthAndInsideArrays()
    {
        var masked = MaskJson("""{"user":{"profile":{"Token":"t1"}},"items":[{"secret":"s1"},{"name":"n","api_key":42}]}""");

        Assert.Equal("""{"user":{"profile":{"Token":"***"}},"items":[{"secret":"***"},{"name":"n","api_key":"***"}]}""", masked);
    }

    [Fact]
    public void MasksAWholeObjectOrArrayUnderASecretName()
    {
        var masked = MaskJson("""{"authorization":{"scheme":"Bearer","value":"abc"},"refresh_token":["a","b"],"keep":1}""");

        Assert.Equal("""{"authorization":"***","refresh_token":"***","keep":1}""", masked);
    }

    [Fact]
    public void MatchesNamesCaseInsensitivelyAndThroughEscapes()
    {
        var masked = MaskJson("""{"PASSWORD":"a","pass\u0077ord":"b","Senha":"c","CPF":"123"}""");

        Assert.DoesNotContain("\"a\"", masked);
        Assert.DoesNotContain("\"b\"", masked);
        Assert.DoesNotContain("\"c\"", masked);
        Assert.DoesNotContain("123", masked);
        Assert.Equal(4, masked.Split("***").Length - 1);
    }

    [Fact]
    public void KeepsFormattingAndNonSecretValues()
    {
        const string json = "{\n  \"name\": \"Zoë 東京\",\n  \"password\": \"x\"\n}";

        Assert.Equal("{\n  \"name\": \"Zoë 東京\",\n  \"password\": \"***\"\n}", MaskJson(json));
    }

    [Fact]
    public void ASecretNameAsAValueIsNotMasked()
    {
        Assert.Equal("""{"field":"password"}""", MaskJson("""{"field":"password"}"""));
    }

    [Theory]
    [InlineData("{\"password\": ")]
    [InlineData("{\"a\":1,")]
    [InlineData("not json")]
    [InlineData("{\"a\":1}}")]
    public void MalformedCompleteJsonIsRefused(string json)
    {
        Assert.False(_masker.TryMaskJson(Encoding.UTF8.GetBytes(json), isComplete: true, out _));
    }

    [Fact]
    public void InvalidUtf8IsNotJson()
    {
        byte[] json = [.. "{\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.False(_masker.TryMaskJson(json, isComplete: true, out _));
    }

    [Fact]
    public void ACharacterCutAtTheEndOfAPrefixIsNoFault()
    {
        var json = Encoding.UTF8.GetBytes("{\"a\":\"é\"}");

        Assert.True(_masker.TryMaskJson(json.AsSpan(0, 8), isComplete: false, out var masked));
        Assert.Equal("{\"a\":", masked);
    }

    [Theory]
    [InlineData("{\"user\":\"bob\",\"password\":\"hunt")]
    [InlineData("{\"user\":\"bob\",\"password\":")]
    [InlineData("{\"user\":\"bob\",\"passw")]
    [InlineData("{\"user\":\"bob\",\"password\":{\"old\":\"hunter2\",\"new\":\"hun")]
    [InlineData("{\"user\":\"bob\",\"password\":[\"hunter2\",\"hun")]
    public void ACutSecretNeverLeaks(string prefix)
    {
        var masked = MaskJson(prefix, isComplete: false);

        Assert.StartsWith("{\"user\":\"bob\"", masked);
        Assert.DoesNotContain("hun", masked);
    }

    [Fact]
    public void ACutDocumentKeepsItsWholeTokens()
    {
        Assert.Equal("{\"a\":\"complete\",\"password\":\"***\",\"b\":", MaskJson("{\"a\":\"complete\",\"password\":\"x\",\"b\":\"cu", isComplete: false));
    }

    [Fact]
    public void MaskedOutputIsStillJson()
    {
        using var document = JsonDocument.Parse(MaskJson("""{"a":[1,{"token":{"x":[1,2]}}],"secret":null}"""));

        Assert.Equal("***", document.RootElement.GetProperty("secret").GetString());
        Assert.Equal("***", document.RootElement.GetProperty("a")[1].GetProperty("token").GetString());
    }

    [Theory]
    [InlineData("username=alice&password=hunter2", "username=alice&password=***")]
    [InlineData("Password=a&SENHA=b&x=1", "Password=***&SENHA=***&x=1")]
    [InlineData("access%5Ftoken=abc&q=ok", "access%5Ftoken=***&q=ok")]
    [InlineData("client+secret=1&client_secret=2", "client+secret=1&client_secret=***")]
    [InlineData("flag&token=&a=b", "flag&token=***&a=b")]
    [InlineData("", "")]
    [InlineData("password", "password")]
    public void MasksUrlEncodedPairs(string input, string expected)
    {
        Assert.Equal(expected, _masker.MaskUrlEncoded(input));
    }

    [Fact]
    public void BuiltInFieldsAreAlwaysMasked()
    {
        var masker = new SecretMasker([]);

        foreach (var field in new[] { "password", "senha", "token", "access_token", "refresh_token", "secret", "client_secret", "api_key", "authorization" })
        {
            Assert.True(masker.IsMasked(field), field);
            Assert.True(masker.IsMasked(field.ToUpperInvariant()), field);
        }

        Assert.False(masker.IsMasked("username"));
    }
}
