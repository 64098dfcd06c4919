using System.Buffers;
using System.Text;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.Tests.Integrity;

/// <summary>
/// A value taken from the bytes a reader holds for it (PostgreSQL's binary forms, SQLite's text) gives the canonical
/// form its value gives; bytes that cannot be such a value are refused, never written as something else.
/// </summary>
public class RawCanonicalFormTests
{
    private static readonly (string Name, AuditColumnType Type)[] Columns =
    [
        ("id", AuditColumnType.Id), ("at", AuditColumnType.Timestamp), ("word", AuditColumnType.Text), ("extra", AuditColumnType.Json),
        ("small", AuditColumnType.Int32), ("big", AuditColumnType.Int64), ("real", AuditColumnType.Double), ("flag", AuditColumnType.Boolean),
        ("broken", AuditColumnType.Json),
    ];

    private static readonly CanonicalLayout Layout = new("raw_table", [.. Columns.Select(c => (c.Name, c.Type, AuditPersonalData.None))]);

    [Fact]
    public void EveryRawFormWritesWhatItsValueWrites()
    {
        var id = Guid.Parse("01935f4a-0000-7000-8000-0000000000ab");
        var at = new DateTimeOffset(2026, 12, 4, 1, 2, 3, TimeSpan.Zero).AddTicks(4_567_891);
        object?[] values = [id, at, "Olá, mundo", """{ "b": 1, "a": [true, null] }""", -42, 1L << 40, 0.1 + 0.2, true, "{not json"];
        var micros = ((at.UtcTicks - new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks) / 10);
        (AuditRawForm, byte[])[] raw =
        [
            (AuditRawForm.BigEndian, id.ToByteArray(bigEndian: true)),
            (AuditRawForm.MicrosecondsSince2000, CanonicalFormTests.BigEndian(micros)),
            (AuditRawForm.Utf8, Encoding.UTF8.GetBytes("Olá, mundo")),
            (AuditRawForm.VersionedUtf8, [1, .. Encoding.UTF8.GetBytes("""{"a": [true, null], "b": 1}""")]),
            (AuditRawForm.BigEndian, CanonicalFormTests.BigEndian(-42)),
            (AuditRawForm.BigEndian, CanonicalFormTests.BigEndian(1L << 40)),
            (AuditRawForm.BigEndian, CanonicalFormTests.BigEndian(BitConverter.DoubleToInt64Bits(0.1 + 0.2))),
            (AuditRawForm.BigEndian, [1]),
            (AuditRawForm.Utf8, Encoding.UTF8.GetBytes("{not json")),
        ];

        Assert.Equal(Encode(i => values[i], null), Encode(i => null, raw));
    }

    [Theory]
    [InlineData(AuditColumnType.Id, AuditRawForm.BigEndian, 15)]
    [InlineData(AuditColumnType.Int32, AuditRawForm.BigEndian, 8)]
    [InlineData(AuditColumnType.Timestamp, AuditRawForm.MicrosecondsSince2000, 4)]
    [InlineData(AuditColumnType.Json, AuditRawForm.VersionedUtf8, 0)]
    [InlineData(AuditColumnType.Text, AuditRawForm.BigEndian, 4)]
    public void BytesThatCannotBeTheValueAreRefused(AuditColumnType type, AuditRawForm form, int length)
    {
        using var encoder = new CanonicalEncoder();
        Assert.Throws<FormatException>(() => encoder.WriteRaw(new ArrayBufferWriter<byte>(), type, form, new byte[length]));
    }

    [Fact]
    public void AJsonbValueOfAnotherVersionIsRefused()
    {
        using var encoder = new CanonicalEncoder();
        Assert.Throws<FormatException>(() => encoder.WriteRaw(new ArrayBufferWriter<byte>(), AuditColumnType.Json, AuditRawForm.VersionedUtf8, [2, (byte)'{', (byte)'}']));
    }

    private static byte[] Encode(Func<int, object?> value, (AuditRawForm Form, byte[] Bytes)[]? raw)
    {
        using var encoder = new CanonicalEncoder();
        var output = new ArrayBufferWriter<byte>();
        encoder.Write(Layout, value, output, new byte[32], storedDigest: null, raw is null ? null : (i, to) =>
        {
            encoder.WriteRaw(to, Layout.Types[i], raw[i].Form, raw[i].Bytes);
            return true;
        });
        return output.WrittenSpan.ToArray();
    }
}
