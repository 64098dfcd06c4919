using System.Text.Json;
using AspNetAuditTrail.Capture;
using Microsoft.Extensions.Logging.Abstractions;

namespace AspNetAuditTrail.Tests.Capture;

public class AuditJsonTests
{
    private static readonly SecretMasker Masker = new([]);

    private static string? Serialize(params (string Name, object? Value)[] values)
    {
        var context = new RequestAuditCollector();
        foreach (var (name, value) in values)
        {
            context.Set(name, value);
        }

        return AuditJson.SerializeObject(context.Snapshot(), Masker, NullLogger.Instance);
    }

    [Fact]
    public void NothingSetIsNullNotTheStringNull()
    {
        Assert.Null(Serialize());
    }

    [Fact]
    public void ValuesBecomeOneJsonObjectInTheOrderSet()
    {
        Assert.Equal("""{"b":1,"a":"x","n":null,"list":[1,2]}""", Serialize(("b", 1), ("a", "x"), ("n", null), ("list", new[] { 1, 2 })));
    }

    [Fact]
    public void SettingANameAgainReplacesItsValue()
    {
        Assert.Equal("""{"step":"saved"}""", Serialize(("step", "validated"), ("step", "saved")));
    }

    [Fact]
    public void SecretNamesAreMaskedAtAnyDepth()
    {
        var json = Serialize(("token", "abc"), ("login", new { user = "bob", password = "hunter2" }));

        Assert.Equal("""{"token":"***","login":{"user":"bob","password":"***"}}""", json);
    }

    [Fact]
    public void AValueThatCannotBeSerializedIsMarkedAndTheRestKept()
    {
        var json = Serialize(("ok", 1), ("pointer", new IntPtrHolder()), ("after", true));

        using var document = JsonDocument.Parse(json!);
        Assert.Equal(1, document.RootElement.GetProperty("ok").GetInt32());
        Assert.StartsWith("[unserializable: ", document.RootElement.GetProperty("pointer").GetString());
        Assert.True(document.RootElement.GetProperty("after").GetBoolean());
    }

    [Fact]
    public void ACycleDoesNotBreakSerialization()
    {
        var node = new Node();
        node.Next = node;

        Assert.Equal("""{"node":{"next":null}}""", Serialize(("node", node)));
    }

    [Fact]
    public void ValuesOverTheLimitAreOmittedLargestFirstAndTheResultFits()
    {
        var values = new Dictionary<string, object?> { ["small"] = "abc", ["big"] = new string('x', 5000), ["medium"] = new string('y', 300) };

        var json = AuditJson.SerializeObject(values, Masker, NullLogger.Instance, maxBytes: 400)!;

        using var document = JsonDocument.Parse(json);
        Assert.Equal("abc", document.RootElement.GetProperty("small").GetString());
        Assert.Equal("[omitted: 5002 bytes]", document.RootElement.GetProperty("big").GetString());
        Assert.Equal(new string('y', 300), document.RootElement.GetProperty("medium").GetString());
        Assert.True(json.Length <= 400, json.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
    }

    private sealed class IntPtrHolder
    {
        public Action Callback { get; } = () => { };
    }
}
