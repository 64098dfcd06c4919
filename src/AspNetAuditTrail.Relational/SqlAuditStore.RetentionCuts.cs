using AspNetAuditTrail.Retention;
using Dapper;

namespace AspNetAuditTrail.Relational;

/// <summary>Where retention cuts each chain: the highest place among the rows a plan removes, children of processes included.</summary>
public abstract partial class SqlAuditStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<Guid, long>> ReadRetentionCutsAsync(AuditPeriodPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var cuts = new Dictionary<Guid, long>();
        foreach (var (kind, table) in RemovalOrder.Where(k => plan.Of(k.Kind).Any()))
        {
            foreach (var sql in RetentionCutSql(plan, kind, table, out var parameters))
            {
                foreach (var row in (await connection.QueryAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).Cast<IDictionary<string, object?>>())
                {
                    var chain = (Guid)FromDbValue(AuditColumnType.Id, row["chain_id"])!;
                    var last = (long)FromDbValue(AuditColumnType.Int64, row["last_seq"])!;
                    cuts[chain] = Math.Max(last, cuts.GetValueOrDefault(chain));
                }
            }
        }

        return cuts;
    }

    /// <summary>The statements that find the highest place per chain of a kind's removable rows (for processes, of their steps and registrations too).</summary>
    private IEnumerable<string> RetentionCutSql(AuditPeriodPlan plan, AuditRecordKind kind, string table, out DynamicParameters parameters)
    {
        parameters = new DynamicParameters();
        var removable = Removable(plan, kind, "a.", parameters);
        string Highest(string alias, string from) =>
            $"SELECT {alias}.chain_id, MAX({alias}.chain_seq) AS last_seq FROM {from} WHERE {removable} AND {alias}.chain_id IS NOT NULL GROUP BY {alias}.chain_id";
        var statements = new List<string> { Highest("a", $"{TableName(table)} a") };
        if (kind == AuditRecordKind.Processes)
        {
            var process = $"JOIN {TableName(table)} a ON s.process_id = a.id";
            statements.Add(Highest("s", $"{TableName(AuditTables.Step.Name)} s {process}"));
            statements.Add(Highest("g", $"{TableName(AuditTables.Registration.Name)} g JOIN {TableName(AuditTables.Step.Name)} s ON g.step_id = s.id {process}"));
        }

        return statements;
    }

    /// <summary>Every retention-cut statement, for syntax checks.</summary>
    internal IEnumerable<string> RetentionCutStatements()
    {
        var plan = AuditPeriodPlan.Create(new AuditRetentionOptions { Requests = 30, SignIns = 30, SecurityEvents = 30, Processes = 30, BusinessEvents = 60, EntityChanges = 60 }, DateTimeOffset.UnixEpoch);
        return RemovalOrder.SelectMany(k => RetentionCutSql(plan, k.Kind, k.Table, out _));
    }
}
