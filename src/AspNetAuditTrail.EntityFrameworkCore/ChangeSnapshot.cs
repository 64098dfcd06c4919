using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AspNetAuditTrail.EntityFrameworkCore;

/// <summary>
/// One tracked record about to be saved: its state and values before the save, taken from the change tracker; its
/// values after and its key (database-generated ones included) are read once the save is done.
/// </summary>
internal sealed class ChangeSnapshot
{
    private readonly EntityEntry _entry;
    private readonly EntityShape _shape;
    private readonly EntityShapes _shapes;
    private readonly EntityState _state;
    private readonly Dictionary<string, object?>? _before;
    private readonly object? _deletedKey;

    private ChangeSnapshot(EntityEntry entry, EntityShape shape, EntityShapes shapes, EntityState state)
    {
        (_entry, _shape, _shapes, _state) = (entry, shape, shapes, state);
        if (state != EntityState.Added)
        {
            _before = [];
            Collect(entry, shape, original: true, "", _before);
        }

        _deletedKey = state == EntityState.Deleted ? Key() : null;
    }

    /// <summary>The snapshot of an entry that the save writes; null when it writes nothing of it or it is not recorded.</summary>
    public static ChangeSnapshot? Take(EntityEntry entry, EntityShapes shapes)
    {
        if (shapes.Root(entry.Metadata) is not { } shape)
        {
            return null;
        }

        var state = entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            ? entry.State
            : OwnedPartsChanged(entry, shape, shapes) ? EntityState.Modified : EntityState.Unchanged;
        return state == EntityState.Unchanged ? null : new ChangeSnapshot(entry, shape, shapes, state);
    }

    /// <summary>The change as it was saved: values after (with generated ones) and the key as stored.</summary>
    public AuditEntityChange Complete()
    {
        Dictionary<string, object?>? after = null;
        if (_state != EntityState.Deleted)
        {
            after = [];
            Collect(_entry, _shape, original: false, "", after);
        }

        return new AuditEntityChange(_shape.Name, _deletedKey ?? Key(), _before, after, _shape.Table);
    }

    private object Key()
    {
        if (_shape.Key.Count == 1)
        {
            return _entry.CurrentValues[_shape.Key[0]] ?? "";
        }

        var values = _entry.CurrentValues;
        return _shape.Key.ToDictionary(p => p.Name, p => values[p], StringComparer.Ordinal);
    }

    private void Collect(EntityEntry entry, EntityShape shape, bool original, string prefix, Dictionary<string, object?> values)
    {
        var stored = original ? entry.OriginalValues : entry.CurrentValues;
        foreach (var property in shape.Properties)
        {
            values[prefix.Length == 0 ? property.Name : prefix + property.Name] = stored[property];
        }

        foreach (var complex in shape.Complex)
        {
            foreach (var value in entry.ComplexProperty(complex).Properties)
            {
                values[$"{prefix}{complex.Name}.{value.Metadata.Name}"] = original ? value.OriginalValue : value.CurrentValue;
            }
        }

        foreach (var navigation in shape.Owned)
        {
            if (entry.Reference(navigation).TargetEntry is { } owned
                && owned.State != (original ? EntityState.Added : EntityState.Deleted)
                && _shapes.Of(owned.Metadata) is { } ownedShape)
            {
                Collect(owned, ownedShape, original, $"{prefix}{navigation.Name}.", values);
            }
        }
    }

    private static bool OwnedPartsChanged(EntityEntry entry, EntityShape shape, EntityShapes shapes) =>
        shape.Owned.Any(n => entry.Reference(n).TargetEntry is { } owned
            && (owned.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                || (shapes.Of(owned.Metadata) is { } ownedShape && OwnedPartsChanged(owned, ownedShape, shapes))));
}
