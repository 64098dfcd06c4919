using AspNetAuditTrail.Capture;

namespace AspNetAuditTrail.Tests.Capture;

public class LoginFieldsTests
{
    [Theory]
    [InlineData("""{"username":"decoy","username":"alice","password":"***"}""", "alice", 2)]
    [InlineData("""{"UserName":"decoy","USERNAME":"alice"}""", "alice", 2)]
    [InlineData("""{"username":"alice"}""", "alice", 1)]
    [InlineData("""{"user":"alice"}""", null, 0)]
    [InlineData("""{"username":"ali""", null, 0)]
    public void JsonNamesTheLastCandidateInAnyCaseAsSystemTextJsonBinds(string body, string? expected, int candidates)
    {
        var (userName, all) = LoginFields.ReadUserName(body, "application/json", "username");

        Assert.Equal(expected, userName);
        Assert.Equal(candidates, all.Count);
    }

    [Fact]
    public void FormNamesTheFirstCandidateAsModelBindingDoes()
    {
        var (userName, all) = LoginFields.ReadUserName("username=alice&Username=decoy&password=***", "application/x-www-form-urlencoded", "username");

        Assert.Equal("alice", userName);
        Assert.Equal(["alice", "decoy"], all);
    }

    [Fact]
    public void TextJsonIsReadAsJson()
    {
        Assert.Equal("alice", LoginFields.ReadUserName("""{"username":"alice"}""", "text/json; charset=utf-8", "username").UserName);
    }
}
