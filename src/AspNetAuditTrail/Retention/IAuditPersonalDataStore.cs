using System.Text.Json;

namespace AspNetAuditTrail.Retention;

/// <summary>
/// A store that can answer for a person's data: export or anonymise every row about one user (the rows that name them,
/// and the rows linked to their requests and processes), and anonymise every row past its period.
/// </summary>
public interface IAuditPersonalDataStore
{
    /// <summary>How many rows are about the user, per table and tenant.</summary>
    Task<IReadOnlyList<AuditRowCount>> CountUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Writes every row about the user as JSON properties (one array per table, named after it) of the object the writer is in.</summary>
    /// <param name="userId">The user's id or name, as the rows hold it.</param>
    /// <param name="writer">Where the arrays go.</param>
    /// <param name="progress">Called with the number of rows written since its last call.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <returns>What was written, per table and tenant.</returns>
    Task<IReadOnlyList<AuditRowCount>> ExportUserAsync(string userId, Utf8JsonWriter writer, Action<long>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Anonymises every row about the user now, in one transaction: in the rows that name them, who and what identifies
    /// them become pseudonyms (or nothing) and content is removed; in rows linked to theirs, identifiers and content;
    /// and in every request path and security endpoint, a segment that is the user's id.
    /// </summary>
    Task<IReadOnlyList<AuditRowCount>> AnonymizeUserAsync(string userId, AuditPseudonymizer pseudonymizer, CancellationToken cancellationToken);

    /// <summary>How many rows not yet anonymised the plan covers, per table and tenant.</summary>
    Task<IReadOnlyList<AuditRowCount>> CountAnonymizableAsync(AuditPeriodPlan plan, CancellationToken cancellationToken);

    /// <summary>Anonymises the rows not yet anonymised that the plan covers, in batches of at most <paramref name="batchSize"/> rows, one transaction each.</summary>
    Task<IReadOnlyList<AuditRowCount>> AnonymizeExpiredAsync(
        AuditPeriodPlan plan, AuditPseudonymizer pseudonymizer, int batchSize, Func<IReadOnlyList<AuditRowCount>, CancellationToken, Task>? afterBatch, CancellationToken cancellationToken);
}
