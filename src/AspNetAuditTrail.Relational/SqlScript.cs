using System.Reflection;
using System.Text.RegularExpressions;

namespace AspNetAuditTrail.Relational;

/// <summary>A numbered schema script (<c>NNN_name.sql</c>), the same file a DBA would run by hand.</summary>
/// <param name="Version">The number the file name starts with.</param>
/// <param name="Name">The file name without its number and extension.</param>
/// <param name="Sql">The script text.</param>
public sealed partial record SqlScript(int Version, string Name, string Sql)
{
    /// <summary>Loads the scripts embedded in <paramref name="assembly"/> under <paramref name="resourcePrefix"/>, in version order.</summary>
    public static IReadOnlyList<SqlScript> LoadEmbedded(Assembly assembly, string resourcePrefix)
    {
        var scripts = new List<SqlScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(resourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var match = FileName().Match(resource[resourcePrefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Embedded schema script '{resource}' is not named NNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new SqlScript(int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }

        return scripts.OrderBy(s => s.Version).ToArray();
    }

    [GeneratedRegex(@"^(\d+)_(.+)\.sql$")]
    private static partial Regex FileName();

    /// <summary>True for a plain SQL identifier (letters, digits and underscores, not starting with a digit, at most 63 characters), safe to write into a statement as a schema name.</summary>
    public static bool IsPlainIdentifier(string name) =>
        name.Length is > 0 and <= 63 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
