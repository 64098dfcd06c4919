namespace AspNetAuditTrail.Retention;

/// <summary>A store that can apply retention: count and remove what a plan cuts, and hold a lease so that one app instance at a time does it.</summary>
public interface IAuditRetentionStore
{
    /// <summary>What <see cref="RemoveExpiredAsync"/> would remove now, per table and tenant; removes nothing.</summary>
    Task<IReadOnlyList<AuditRowCount>> CountExpiredAsync(AuditPeriodPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Removes what the plan cuts in batches of at most <paramref name="batchSize"/> rows, one transaction each: a
    /// process with its steps and registrations, and a request only when no row that stays links to it.
    /// </summary>
    /// <param name="plan">What to remove.</param>
    /// <param name="batchSize">Rows per transaction.</param>
    /// <param name="afterBatch">Called after each committed batch with what it removed (for progress and to renew a lease); an exception it throws stops the run.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>What was removed, per table and tenant.</returns>
    Task<IReadOnlyList<AuditRowCount>> RemoveExpiredAsync(
        AuditPeriodPlan plan, int batchSize, Func<IReadOnlyList<AuditRowCount>, CancellationToken, Task>? afterBatch, CancellationToken cancellationToken);

    /// <summary>Takes (or renews) the named lease until <paramref name="duration"/> from now, unless another holder has it and it has not expired.</summary>
    /// <returns>Whether <paramref name="holder"/> now holds it.</returns>
    Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the named lease up, when <paramref name="holder"/> has it.</summary>
    Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken);
}
