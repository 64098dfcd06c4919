namespace AspNetAuditTrail.Integrity;

/// <summary>
/// Tamper evidence (<c>AuditTrail:Integrity</c>): every row the writer stores joins its hash chain, and signed
/// checkpoints of the chain go to the database and to the sinks outside it. Off by default.
/// </summary>
public sealed class AuditIntegrityOptions
{
    /// <summary>Seals rows and signs checkpoints. Requires <see cref="ChainKey"/> and <see cref="SigningKey"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The key of the rows' MACs: base64 of at least 32 random bytes, kept out of the audit database (for example in
    /// <c>AuditTrail__Integrity__ChainKey</c>). The verifier needs it too.
    /// </summary>
    public string? ChainKey { get; set; }

    /// <summary>Earlier chain keys (after a rotation), so that the app's own verification still checks the chains they sealed.</summary>
    public List<string> PreviousChainKeys { get; set; } = [];

    /// <summary>
    /// The private key that signs checkpoints: ECDSA P-256 as PEM or base64 of PKCS#8 (<c>audit-trail keys</c> makes
    /// one), kept out of the audit database (for example in <c>AuditTrail__Integrity__SigningKey</c>).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Public keys of earlier signing keys (after a rotation), PEM or base64, that still verify old checkpoints.</summary>
    public List<string> PreviousPublicKeys { get; set; } = [];

    /// <summary>A checkpoint is signed after this many rows at most. Default 10,000.</summary>
    public int CheckpointEveryRows { get; set; } = 10_000;

    /// <summary>A checkpoint is signed at least this often while rows are written. Default one minute.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A folder outside the audit database (another disk, a mounted write-once share) where every checkpoint is also
    /// written, one file each, never overwritten; a relative path is under the app's content root. Null for none.
    /// </summary>
    public string? CheckpointFolder { get; set; }

    /// <summary>The checkpoint folder as a full path: a relative one is under <paramref name="baseDirectory"/> (the app's content root, or the folder of the settings file).</summary>
    public string? CheckpointFolderUnder(string baseDirectory) => CheckpointFolder is null ? null : Path.GetFullPath(CheckpointFolder, baseDirectory);
}
