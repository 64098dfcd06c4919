namespace AspNetAuditTrail.Reading;

/// <summary>Reads the audit trail back, for the query API, exports and reports. Every store implements it.</summary>
public interface IAuditReader
{
    /// <summary>One page of requests matching the query, newest first (keyset pagination: stable while rows are added).</summary>
    Task<AuditPage> QueryRequestsAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Every request matching the query (its page size and position ignored), newest first, read as it is consumed.</summary>
    IAsyncEnumerable<AuditRecord> StreamRequestsAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>A request with its linked login, security and process rows; null when there is none with that id.</summary>
    Task<AuditEventDetails?> GetRequestAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Rows of one kind in a time range, oldest first, read as consumed.</summary>
    IAsyncEnumerable<AuditRecord> StreamTableAsync(AuditRowKind kind, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);
}
