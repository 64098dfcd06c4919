using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AspNetAuditTrail.EntityFrameworkCore;

/// <summary>Records the changes saved inside a transaction the app began when it commits, and drops them when it rolls back.</summary>
internal sealed class ChangeTransactionInterceptor(PendingSaves pending, ChangeRecorder recorder) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => pending.End(eventData.Context, eventData.TransactionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.End(eventData.Context, eventData.TransactionId);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => pending.End(eventData.Context, eventData.TransactionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.End(eventData.Context, eventData.TransactionId);
        return Task.CompletedTask;
    }

    private void Committed(TransactionEndEventData eventData)
    {
        if (pending.End(eventData.Context, eventData.TransactionId) is { } changes)
        {
            recorder.Record(changes, eventData.TransactionId.ToString("D"));
        }
    }
}
