using System.Linq.Expressions;
using System.Reflection;

namespace AspNetAuditTrail.EntityFrameworkCore;

/// <summary>
/// Which entities and properties change capture records: every entity type and every property unless excluded here
/// or by <see cref="NotAuditedAttribute"/>; once any type is included, only the included types.
/// </summary>
public sealed class EntityChangeAuditOptions
{
    private readonly HashSet<Type> _included = [];
    private readonly HashSet<Type> _excluded = [];
    private readonly Dictionary<Type, HashSet<string>> _excludedProperties = [];

    /// <summary>Records changes of <typeparamref name="TEntity"/>; once a type is included, only included types are recorded.</summary>
    public EntityChangeAuditOptions Include<TEntity>()
    {
        _included.Add(typeof(TEntity));
        return this;
    }

    /// <summary>Records no change of <typeparamref name="TEntity"/> (or of a type deriving from it).</summary>
    public EntityChangeAuditOptions Exclude<TEntity>()
    {
        _excluded.Add(typeof(TEntity));
        return this;
    }

    /// <summary>Keeps properties of <typeparamref name="TEntity"/> out of its change rows, for example a password hash.</summary>
    /// <exception cref="ArgumentException">An expression is not a property of the entity, such as <c>u =&gt; u.PasswordHash</c>.</exception>
    public EntityChangeAuditOptions Exclude<TEntity>(params Expression<Func<TEntity, object?>>[] properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var names = _excludedProperties.TryGetValue(typeof(TEntity), out var set) ? set : _excludedProperties[typeof(TEntity)] = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            var body = property.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : property.Body;
            names.Add(body is MemberExpression { Member: PropertyInfo or FieldInfo } member
                ? member.Member.Name
                : throw new ArgumentException($"'{property}' is not a property of {typeof(TEntity).Name}: write it as e => e.Property.", nameof(properties)));
        }

        return this;
    }

    /// <summary>The settings as text: equal settings share the shapes built from them.</summary>
    internal string Signature =>
        string.Join("|", _included.Select(t => "+" + t.AssemblyQualifiedName).Concat(_excluded.Select(t => "-" + t.AssemblyQualifiedName))
            .Concat(_excludedProperties.SelectMany(e => e.Value.Select(p => $"-{e.Key.AssemblyQualifiedName}.{p}"))).Order(StringComparer.Ordinal));

    /// <summary>Whether changes of a CLR type are recorded.</summary>
    internal bool Records(Type type) =>
        (_included.Count == 0 || _included.Any(t => t.IsAssignableFrom(type)))
        && !_excluded.Any(t => t.IsAssignableFrom(type))
        && type.GetCustomAttribute<NotAuditedAttribute>(inherit: true) is null;

    /// <summary>Whether a property (by its name, and its CLR member when it has one) of a type is kept out.</summary>
    internal bool Excludes(Type type, string name, MemberInfo? member) =>
        member?.GetCustomAttribute<NotAuditedAttribute>(inherit: true) is not null
        || _excludedProperties.Any(e => e.Key.IsAssignableFrom(type) && e.Value.Contains(name));
}
