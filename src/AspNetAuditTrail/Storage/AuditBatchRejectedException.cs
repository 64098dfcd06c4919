namespace AspNetAuditTrail.Storage;

/// <summary>
/// Thrown by a store that refuses a batch for a reason retrying cannot fix (for example a collector's 400: a bug,
/// not an outage). The writer does not retry it: it logs the reason and sets the batch aside in the journal's
/// rejected file, which is never replayed.
/// </summary>
public sealed class AuditBatchRejectedException : Exception
{
    /// <summary>A rejection with the store's reason.</summary>
    public AuditBatchRejectedException(string reason)
        : base(reason)
    {
    }

    /// <summary>A rejection with the store's reason and what caused it.</summary>
    public AuditBatchRejectedException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
