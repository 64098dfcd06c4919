using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AspNetAuditTrail.EntityFrameworkCore;

/// <summary>
/// Takes each written record's values before a save from the change tracker, completes them after it (generated keys
/// and values), and records them when the save succeeded: at once, or when the app's own transaction commits.
/// </summary>
internal sealed class ChangeCaptureInterceptor(EntityShapes shapes, PendingSaves pending, ChangeRecorder recorder) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Start(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Finish(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Finish(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private void Start(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // Entries() runs DetectChanges first (when the context detects changes itself), as SaveChanges would.
        var snapshots = new List<ChangeSnapshot>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (ChangeSnapshot.Take(entry, shapes) is { } snapshot)
            {
                snapshots.Add(snapshot);
            }
        }

        pending.Start(context, snapshots);
    }

    private void Finish(DbContext? context)
    {
        if (context is null || pending.Take(context) is not { Count: > 0 } snapshots)
        {
            return;
        }

        var changes = snapshots.ConvertAll(s => s.Complete());
        if (context.Database.CurrentTransaction is { } transaction)
        {
            pending.Wait(context, transaction.TransactionId, changes);
            return;
        }

        recorder.Record(changes, Guid.CreateVersion7().ToString("D"));
    }

    private void Drop(DbContext? context)
    {
        if (context is not null)
        {
            pending.Take(context);
        }
    }
}
