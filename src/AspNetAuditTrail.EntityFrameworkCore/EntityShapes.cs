using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AspNetAuditTrail.EntityFrameworkCore;

/// <summary>
/// Each entity type's <see cref="EntityShape"/>, built on first use and kept with the model (which outlives the
/// contexts and their options: a context registered per scope builds its options per scope), one set per distinct
/// options. Null for a type not recorded: excluded, or keyless.
/// </summary>
internal sealed class EntityShapes(EntityChangeAuditOptions options)
{
    private readonly string _annotation = "AspNetAuditTrail:EntityShapes:" + options.Signature;
    private ModelShapes? _last;

    /// <summary>The shape of a type that has change rows of its own; null for the others (owned references are their owner's).</summary>
    public EntityShape? Root(IEntityType type) => IsMerged(type) ? null : Of(type);

    /// <summary>The shape of any recorded type, owned references included.</summary>
    public EntityShape? Of(IEntityType type)
    {
        // The last model's shapes, swapped whole (a reference), so that contexts on other threads never see half of it.
        var cached = _last;
        if (cached is null || !ReferenceEquals(cached.Model, type.Model))
        {
            cached = new ModelShapes(type.Model, type.Model.GetOrAddRuntimeAnnotationValue(_annotation, static _ => new ConcurrentDictionary<IReadOnlyEntityType, EntityShape?>(), (object?)null));
            _last = cached;
        }

        return cached.Shapes.GetOrAdd(type, static (t, shapes) => shapes.Build((IEntityType)t), this);
    }

    /// <summary>An owned reference: its values are its owner's.</summary>
    public static bool IsMerged(IEntityType type) => type.IsOwned() && type.FindOwnership() is { IsUnique: true };

    private EntityShape? Build(IEntityType type)
    {
        var clr = type.ClrType;
        if (type.FindPrimaryKey() is not { } key || (!type.HasSharedClrType && !options.Records(clr)))
        {
            return null;
        }

        bool Kept(string name, MemberInfo? member) => !options.Excludes(clr, name, member);
        var merged = IsMerged(type);
        return new EntityShape(
            type.HasSharedClrType || type.IsOwned() ? type.ShortName() : clr.Name,
            type.GetTableName() is { } table ? (type.GetSchema() is { } schema ? $"{schema}.{table}" : table) : null,
            key.Properties,
            [.. type.GetProperties().Where(p => !(merged && p.IsKey()) && Kept(p.Name, Member(p)))],
            [.. type.GetComplexProperties().Where(p => Kept(p.Name, Member(p)))],
            [.. type.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsOnDependent && !n.IsCollection && Kept(n.Name, Member(n)) && options.Records(n.TargetEntityType.ClrType))]);
    }

    private sealed record ModelShapes(IModel Model, ConcurrentDictionary<IReadOnlyEntityType, EntityShape?> Shapes);

    private static MemberInfo? Member(IPropertyBase property) => (MemberInfo?)property.PropertyInfo ?? property.FieldInfo;
}
