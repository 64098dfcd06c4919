using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.SqlServer;

namespace AspNetAuditTrail.Tests.Integrity;

/// <summary>
/// The canonical form is the one README documents, byte for byte (written here again from the description, as an
/// independent verifier would), and JSON hashes alike however a database reorders or respaces it.
/// </summary>
public class CanonicalFormTests
{
    private static readonly SqlServerAuditStore Store = new("Server=unused;Database=unused", TimeProvider.System);

    [Fact]
    public void ARegistrationIsWrittenAsDocumented()
    {
        var (id, step) = (Guid.Parse("01935f4a-0000-7000-8000-000000000001"), Guid.Parse("01935f4a-0000-7000-8000-000000000002"));
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        var row = new RegistrationAuditEvent { Id = id, OccurredAt = at, StepId = step, Success = true, Name = "Payment", CreatedBy = "ana", ServiceName = "api" };

        var expected = new List<byte>();
        void Text(List<byte> to, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            to.AddRange(BigEndian(bytes.Length));
            to.AddRange(bytes);
        }

        Text(expected, "registration_audit_event");
        expected.Add(1);
        expected.AddRange(id.ToByteArray(bigEndian: true));
        expected.Add(1);
        expected.AddRange(BigEndian(((at.UtcTicks - DateTime.UnixEpoch.Ticks) / 10L)));
        expected.Add(1);
        expected.AddRange(step.ToByteArray(bigEndian: true));
        expected.AddRange([1, 1]);
        expected.Add(1);
        Text(expected, "Payment");
        expected.Add(0); // description
        expected.Add(1);
        Text(expected, "api");
        expected.AddRange([0, 0]); // tenant, subtenant
        var personal = new List<byte> { 1 };
        Text(personal, "ana");
        var digest = SHA256.HashData([.. personal]);
        expected.AddRange(digest);

        var (canonical, written) = Canonical(row);

        Assert.Equal([.. expected], canonical);
        Assert.Equal(digest, written);
    }

    [Fact]
    public void JsonHashesAlikeWhateverItsKeyOrderSpacingOrNumberSpelling()
    {
        static LoginAuditEvent Login(string? json) =>
            new() { Id = Guid.Empty, OccurredAt = DateTimeOffset.UnixEpoch, Status = LoginStatus.SignIn, ExtraInformation = json };

        var written = Canonical(Login("""{"scheme":"Bearer","claims":{"b":1.50,"a":[1e2,"é"]}}""")).Digest;
        var readBack = Canonical(Login("""{"claims": {"a": [100, "\u00e9"], "b": 1.5}, "scheme": "Bearer"}""")).Digest;
        var other = Canonical(Login("""{"claims": {"a": [100, "e"], "b": 1.5}, "scheme": "Bearer"}""")).Digest;
        var notJson = Canonical(Login("{not json")).Digest;

        Assert.Equal(written, readBack);
        Assert.NotEqual(written, other);
        Assert.NotEqual(written, notJson);
    }

    private static (byte[] Canonical, byte[] Digest) Canonical(IAuditEvent row)
    {
        var output = new ArrayBufferWriter<byte>();
        var digest = new byte[32];
        Store.Write(row, output, digest);
        return (output.WrittenSpan.ToArray(), digest);
    }

    internal static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    internal static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }
}
