using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace AspNetAuditTrail.EntityFrameworkCore;

/// <summary>
/// What each context is saving (between <c>SavingChanges</c> and <c>SavedChanges</c>) and what saves inside a
/// transaction the app controls wait for (until it commits, or are dropped when it rolls back). Per context, so that
/// contexts saving in parallel never mix.
/// </summary>
internal sealed class PendingSaves
{
    private readonly ConditionalWeakTable<DbContext, List<ChangeSnapshot>> _saving = [];
    private readonly ConditionalWeakTable<DbContext, Dictionary<Guid, List<AuditEntityChange>>> _waiting = [];

    public void Start(DbContext context, List<ChangeSnapshot> snapshots) => _saving.AddOrUpdate(context, snapshots);

    public List<ChangeSnapshot>? Take(DbContext context) => _saving.TryGetValue(context, out var snapshots) && _saving.Remove(context) ? snapshots : null;

    public void Wait(DbContext context, Guid transaction, IEnumerable<AuditEntityChange> changes)
    {
        var waiting = _waiting.GetOrCreateValue(context);
        lock (waiting)
        {
            (waiting.TryGetValue(transaction, out var list) ? list : waiting[transaction] = []).AddRange(changes);
        }
    }

    /// <summary>The changes waiting for a transaction, taken (to record when it committed, to drop when it did not).</summary>
    public List<AuditEntityChange>? End(DbContext? context, Guid transaction)
    {
        if (context is null || !_waiting.TryGetValue(context, out var waiting))
        {
            return null;
        }

        lock (waiting)
        {
            return waiting.Remove(transaction, out var changes) ? changes : null;
        }
    }
}
