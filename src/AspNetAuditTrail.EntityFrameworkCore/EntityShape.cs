using Microsoft.EntityFrameworkCore.Metadata;

namespace AspNetAuditTrail.EntityFrameworkCore;

/// <summary>
/// What change capture records of one entity type, worked out once from the model and the options: its name, table,
/// key, the properties kept, its complex properties and the owned references merged into its values.
/// </summary>
internal sealed record EntityShape(
    string Name,
    string? Table,
    IReadOnlyList<IProperty> Key,
    IReadOnlyList<IProperty> Properties,
    IReadOnlyList<IComplexProperty> Complex,
    IReadOnlyList<INavigation> Owned);
