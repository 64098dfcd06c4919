using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Changes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AspNetAuditTrail.Tests.Changes;

public class EntityChangeJsonTests
{
    private static readonly SecretMasker Masker = new(["pin"]);

    private static Dictionary<string, object?> Values(params (string Name, object? Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public void AnUpdateListsOnlyTheFieldsThatChangedWithTheirValuesBeforeAndAfter()
    {
        var (before, after, changed) = EntityChangeJson.Describe(
            Values(("Name", "Pen"), ("Price", 1.5m), ("Stock", 3)), Values(("Name", "Pen"), ("Price", 2.25m), ("Stock", 3)), Masker, NullLogger.Instance, 4096);

        Assert.Equal("""{"Name":"Pen","Price":1.5,"Stock":3}""", before);
        Assert.Equal("""{"Name":"Pen","Price":2.25,"Stock":3}""", after);
        Assert.Equal("""{"Price":{"before":1.5,"after":2.25}}""", changed);
    }

    [Fact]
    public void AnEqualValueWrittenOtherwiseIsNotAChange()
    {
        var (_, _, changed) = EntityChangeJson.Describe(Values(("Price", 59.9m), ("Name", "a")), Values(("Price", 59.90m), ("Name", "b")), Masker, NullLogger.Instance, 4096);

        Assert.Equal("""{"Name":{"before":"a","after":"b"}}""", changed);
    }

    [Fact]
    public void ACreationAndADeletionChangeEveryFieldFromOrToNull()
    {
        var created = EntityChangeJson.Describe(null, Values(("Id", 7), ("Name", "Pen")), Masker, NullLogger.Instance, 4096);
        var deleted = EntityChangeJson.Describe(Values(("Id", 7), ("Name", "Pen")), null, Masker, NullLogger.Instance, 4096);

        Assert.Equal((null, """{"Id":7,"Name":"Pen"}""", """{"Id":{"before":null,"after":7},"Name":{"before":null,"after":"Pen"}}"""), created);
        Assert.Equal(("""{"Id":7,"Name":"Pen"}""", null, """{"Id":{"before":7,"after":null},"Name":{"before":"Pen","after":null}}"""), deleted);
    }

    [Fact]
    public void AChangedSecretShowsAsChangedButMaskedEverywhere()
    {
        var (before, after, changed) = EntityChangeJson.Describe(
            Values(("Pin", "1234"), ("Password", "a")), Values(("Pin", "9999"), ("Password", "a")), Masker, NullLogger.Instance, 4096);

        Assert.Equal("""{"Pin":"***","Password":"***"}""", before);
        Assert.Equal("""{"Pin":"***","Password":"***"}""", after);
        Assert.Equal("""{"Pin":"***"}""", changed);
        Assert.DoesNotContain("1234", before + after + changed, StringComparison.Ordinal);
    }

    [Fact]
    public void ALargeValueIsOmittedToFitTheBound()
    {
        var (_, after, changed) = EntityChangeJson.Describe(Values(("Notes", "a")), Values(("Notes", new string('x', 5000))), Masker, NullLogger.Instance, 1024);

        Assert.Equal("""{"Notes":"[omitted: 5002 bytes]"}""", after);
        Assert.True(changed!.Length <= 1024);
        Assert.Contains("omitted", changed, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysAreTextNumbersAsTheyAreAndCompositeKeysJsonObjects()
    {
        Assert.Equal("42", EntityChangeJson.Key(42, NullLogger.Instance));
        Assert.Equal("1.5", EntityChangeJson.Key(1.5m, NullLogger.Instance));
        Assert.Equal("sku-1", EntityChangeJson.Key("sku-1", NullLogger.Instance));
        Assert.Equal("0198a000-0000-7000-8000-000000000001", EntityChangeJson.Key(Guid.Parse("0198a000-0000-7000-8000-000000000001"), NullLogger.Instance));
        Assert.Equal("""{"shop":1,"sku":"a"}""", EntityChangeJson.Key(new Dictionary<string, object> { ["shop"] = 1, ["sku"] = "a" }, NullLogger.Instance));
        Assert.Equal("""{"shop":1,"sku":"a"}""", EntityChangeJson.Key(new { shop = 1, sku = "a" }, NullLogger.Instance));
    }

    [Fact]
    public void AnObjectsFieldsAreItsPropertiesAsJsonSerializesThem()
    {
        var fields = EntityChangeJson.Fields(new { Name = "Pen", Price = 2 }, NullLogger.Instance)!;

        Assert.Equal(["name", "price"], fields.Keys);
        Assert.Null(EntityChangeJson.Fields(null, NullLogger.Instance));
    }
}
