namespace AspNetAuditTrail.Capture;

/// <summary>Readable type names: <c>Created&lt;Product&gt;</c> rather than <c>Created`1</c>.</summary>
internal static class TypeNames
{
    public static string Readable(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick < 0 ? name : name[..tick])}<{string.Join(",", type.GetGenericArguments().Select(Readable))}>";
    }
}
