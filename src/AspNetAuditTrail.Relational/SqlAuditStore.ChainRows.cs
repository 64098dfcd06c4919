using System.Data.Common;
using System.Runtime.CompilerServices;
using AspNetAuditTrail.Integrity;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// Reading a chain's rows back for verification in <see cref="SqlAuditStore"/>: each table's rows of a slice of places,
/// in canonical form, merged by place. A dialect that can pack a row's values into one JSON array
/// (<see cref="PackedValuesSql"/>) has them read in one call per row, not several per column; a slice it cannot pack
/// (a value JSON cannot hold) is read again column by column. A row with a value that cannot be read as its column's
/// type (text that is not UTF-8, words in a number column: only a changed row holds one) gets an empty canonical form,
/// which no MAC matches: it is named changed, and verification goes on.
/// </summary>
public abstract partial class SqlAuditStore
{
    private const string SealColumns = "id, chain_seq, row_mac, personal_digest, anonymized_at";

    /// <summary>
    /// The expression that packs the columns' values, in order, into one JSON array (text, numbers as they are
    /// stored, NULL as null), or null when the dialect has none (each column is then read on its own).
    /// </summary>
    protected virtual string? PackedValuesSql(IReadOnlyList<string> columns) => null;

    /// <summary>
    /// How the bytes the reader holds for a column of the given type stand for its value (the dialect's wire form), so
    /// that verification takes them as they are; <see cref="AuditRawForm.None"/> (the default) to read it as a value.
    /// </summary>
    protected virtual AuditRawForm RawForm(DbDataReader reader, int ordinal, AuditColumnType type) => AuditRawForm.None;

    private string ChainRowsSql(string table, string select = "*") =>
        $"SELECT {select} FROM {TableName(table)} WHERE chain_id = @chain AND chain_seq >= @from AND chain_seq <= @to ORDER BY chain_seq";

    private async Task<List<AuditChainRow>> ReadSliceAsync(Guid chainId, long from, long to, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadSliceAsync(chainId, from, to, packed: true, cancellationToken);
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            return await ReadSliceAsync(chainId, from, to, packed: false, cancellationToken);
        }
    }

    private async Task<List<AuditChainRow>> ReadSliceAsync(Guid chainId, long from, long to, bool packed, CancellationToken cancellationToken)
    {
        var rows = new List<AuditChainRow>();
        await foreach (var row in MergeBySequence([.. AuditTables.All.Select(t => ReadChainRowsAsync(t, chainId, from, to, packed, cancellationToken))], cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async IAsyncEnumerable<AuditChainRow> ReadChainRowsAsync(
        ISealedTable table, Guid chainId, long from, long to, bool packed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var layout = table.Layout;

        // Doubles stay columns of their own: a JSON number need not carry every bit of one.
        var inPack = packed ? layout.Plain.Concat(layout.Personal).Where(i => layout.Types[i] != AuditColumnType.Double).ToArray() : [];
        var doubles = layout.Plain.Concat(layout.Personal).Where(i => layout.Types[i] == AuditColumnType.Double).ToArray();
        var pack = packed ? PackedValuesSql([.. inPack.Select(i => layout.Names[i])]) : null;
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = pack is null
            ? ChainRowsSql(table.Name)
            : ChainRowsSql(table.Name, string.Join(", ", [SealColumns, .. doubles.Select(i => layout.Names[i]), pack + " AS packed_values"]));
        AddParameter(command, "chain", ToDbValue(AuditColumnType.Id, chainId));
        AddParameter(command, "from", from);
        AddParameter(command, "to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ordinals = pack is null ? layout.Names.Select(reader.GetOrdinal).ToArray() : [.. layout.Names.Select((n, i) => doubles.Contains(i) ? reader.GetOrdinal(n) : -1)];
        var packedAt = pack is null ? -1 : reader.GetOrdinal("packed_values");
        var (id, sequence, mac, digest, anonymized) = (reader.GetOrdinal("id"), reader.GetOrdinal("chain_seq"), reader.GetOrdinal("row_mac"), reader.GetOrdinal("personal_digest"), reader.GetOrdinal("anonymized_at"));
        using var row = new ChainRowReader(this, reader, layout, ordinals, inPack, packedAt);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new AuditChainRow(
                table.Name,
                (Guid)FromDbValue(AuditColumnType.Id, reader.GetValue(id))!,
                (long)FromDbValue(AuditColumnType.Int64, reader.GetValue(sequence))!,
                reader.IsDBNull(mac) ? null : reader.GetString(mac).Trim(),
                row.Canonical(reader.IsDBNull(anonymized) ? null : reader.IsDBNull(digest) ? "" : reader.GetString(digest)));
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Rows of several sources, each ordered by sequence, as one sequence-ordered stream.</summary>
    private static async IAsyncEnumerable<AuditChainRow> MergeBySequence(
        IReadOnlyList<IAsyncEnumerable<AuditChainRow>> sources, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var readers = sources.Select(s => s.GetAsyncEnumerator(cancellationToken)).ToArray();
        try
        {
            var live = new List<IAsyncEnumerator<AuditChainRow>>();
            foreach (var reader in readers)
            {
                if (await reader.MoveNextAsync())
                {
                    live.Add(reader);
                }
            }

            while (live.Count > 0)
            {
                var next = live[0];
                for (var i = 1; i < live.Count; i++)
                {
                    next = live[i].Current.Sequence < next.Current.Sequence ? live[i] : next;
                }

                yield return next.Current;
                if (!await next.MoveNextAsync())
                {
                    live.Remove(next);
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }
}
