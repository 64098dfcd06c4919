using System.Globalization;
using System.Text;

namespace AspNetAuditTrail.Integrity;

/// <summary>
/// A signed statement of a chain's hash after a given row, kept in the audit database and outside it (a folder, the
/// collector), so that a change to the rows, or the removal of the newest ones, shows against it.
/// </summary>
public sealed record AuditCheckpoint
{
    /// <summary>The version tag at the start of <see cref="SignedText"/>.</summary>
    public const string Version = "aat-checkpoint-v1";

    /// <summary>The chain.</summary>
    public required Guid ChainId { get; init; }

    /// <summary>The last row it covers (0 before any row).</summary>
    public required long Sequence { get; init; }

    /// <summary>The chain's hash after that row, as 64 lowercase hex digits.</summary>
    public required string ChainHash { get; init; }

    /// <summary>When it was signed (UTC, to the microsecond).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Why it was signed.</summary>
    public required AuditCheckpointKind Kind { get; init; }

    /// <summary>Who wrote the chain: the service name and the machine.</summary>
    public required string Writer { get; init; }

    /// <summary>The id of the public key that verifies <see cref="Signature"/> (see <see cref="AuditSigningKey.KeyId"/>).</summary>
    public required string KeyId { get; init; }

    /// <summary>ECDSA P-256 with SHA-256 over <see cref="SignedText"/> in UTF-8, as base64 of r and s (64 bytes).</summary>
    public required string Signature { get; init; }

    /// <summary>
    /// What the signature covers, one line: <c>aat-checkpoint-v1|chain|sequence|hash|yyyy-MM-ddTHH:mm:ss.ffffffZ|kind|writer</c>,
    /// the kind in lower case.
    /// </summary>
    public string SignedText => Text(ChainId, Sequence, ChainHash, CreatedAt, Kind, Writer);

    internal static string Text(Guid chain, long sequence, string hash, DateTimeOffset createdAt, AuditCheckpointKind kind, string writer) =>
        string.Join('|',
            Version,
            chain.ToString("D"),
            sequence.ToString(CultureInfo.InvariantCulture),
            hash,
            createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            kind.ToString().ToLowerInvariant(),
            writer);

    internal byte[] SignedBytes() => Encoding.UTF8.GetBytes(SignedText);
}
