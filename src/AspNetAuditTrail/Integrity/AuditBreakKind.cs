namespace AspNetAuditTrail.Integrity;

/// <summary>What verification found wrong.</summary>
public enum AuditBreakKind
{
    /// <summary>A row's content no longer matches its MAC.</summary>
    RowChanged,

    /// <summary>A row of the chain is gone (a gap in its sequence).</summary>
    RowMissing,

    /// <summary>A row that no writer sealed: unsealed, a second row at a sequence, or after its chain's final checkpoint.</summary>
    RowInserted,

    /// <summary>A row's content matches its MAC at another place in the chain: rows were reordered.</summary>
    OrderChanged,

    /// <summary>The newest rows of a chain are gone: a checkpoint covers rows the database no longer has.</summary>
    TailCut,

    /// <summary>A checkpoint's signature does not verify (altered, forged, or signed by an unknown key).</summary>
    CheckpointSignature,

    /// <summary>A checkpoint signed correctly, but the rows do not add up to its hash.</summary>
    CheckpointMismatch,
}
