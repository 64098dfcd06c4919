using System.Text;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// The columns of a table's canonical form (version 1): every column in table order but <c>anonymized_at</c> and the
/// seal's own, split into those written as they are and the personal ones (<see cref="AuditPersonalData"/> other than
/// None), which enter through their digest.
/// </summary>
public sealed class CanonicalLayout
{
    private static readonly HashSet<string> Excluded = ["anonymized_at", "chain_id", "chain_seq", "row_mac", "personal_digest"];

    internal CanonicalLayout(string table, IReadOnlyList<(string Name, AuditColumnType Type, AuditPersonalData Personal)> columns)
    {
        Table = Encoding.UTF8.GetBytes(table);
        Names = [.. columns.Select(c => c.Name)];
        Types = [.. columns.Select(c => c.Type)];
        var included = columns.Select((c, i) => (c, i)).Where(x => !Excluded.Contains(x.c.Name)).ToArray();
        Plain = [.. included.Where(x => x.c.Personal == AuditPersonalData.None).Select(x => x.i)];
        Personal = [.. included.Where(x => x.c.Personal != AuditPersonalData.None).Select(x => x.i)];
        PlainNames = [.. Plain.Select(i => columns[i].Name)];
        PersonalNames = [.. Personal.Select(i => columns[i].Name)];
    }

    /// <summary>The columns written as they are, in order.</summary>
    public IReadOnlyList<string> PlainNames { get; }

    /// <summary>The columns that enter through the personal digest, in order.</summary>
    public IReadOnlyList<string> PersonalNames { get; }

    internal byte[] Table { get; }

    internal string[] Names { get; }

    internal AuditColumnType[] Types { get; }

    internal int[] Plain { get; }

    internal int[] Personal { get; }
}
