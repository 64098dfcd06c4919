using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// One journal line: <c>v1 &lt;HMAC-SHA256&gt; &lt;unit as JSON&gt;</c>. The MAC covers the store's identity and the JSON, keyed
/// with a key the journal's readers hold and nobody else: a line written by someone else, changed, or moved from
/// another store's journal does not verify and is never replayed.
/// </summary>
internal sealed class JournalRecord(byte[] key, string storeIdentity)
{
    private const string Version = "v1";
    private readonly byte[] _identity = Encoding.UTF8.GetBytes(storeIdentity + "\n");

    public void Write(StringBuilder text, AuditUnit unit)
    {
        var json = JsonSerializer.Serialize(unit);
        text.Append(Version).Append(' ').Append(Convert.ToBase64String(Mac(json))).Append(' ').Append(json).Append('\n');
    }

    /// <summary>The unit of a line whose MAC verifies; null (with the reason) otherwise.</summary>
    public AuditUnit? Read(string line, out string? rejection)
    {
        rejection = null;
        var first = line.IndexOf(' ', StringComparison.Ordinal);
        var second = first < 0 ? -1 : line.IndexOf(' ', first + 1);
        if (second < 0 || !line.AsSpan(0, first).SequenceEqual(Version))
        {
            rejection = "not a signed journal line";
            return null;
        }

        var json = line[(second + 1)..];
        Span<byte> mac = stackalloc byte[32];
        if (!Convert.TryFromBase64Chars(line.AsSpan(first + 1, second - first - 1), mac, out var written) || written != 32
            || !CryptographicOperations.FixedTimeEquals(mac, Mac(json)))
        {
            rejection = "its authentication code does not verify";
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AuditUnit>(json) ?? throw new JsonException("null unit");
        }
        catch (JsonException ex)
        {
            rejection = "its unit cannot be read: " + ex.Message;
            return null;
        }
    }

    private byte[] Mac(string json)
    {
        var bytes = new byte[_identity.Length + Encoding.UTF8.GetByteCount(json)];
        _identity.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(json, bytes.AsSpan(_identity.Length));
        return HMACSHA256.HashData(key, bytes);
    }
}
