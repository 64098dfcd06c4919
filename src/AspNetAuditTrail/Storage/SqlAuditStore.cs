using System.Data.Common;
using AspNetAuditTrail.Events;
using Dapper;

namespace AspNetAuditTrail.Storage;

/// <summary>
/// What every SQL dialect shares: schema scripts recorded in a version table, and batches written in one
/// transaction through a prepared insert per table. A dialect supplies its connection, its scripts and
/// how values are stored, and may override the bulk path.
/// </summary>
public abstract class SqlAuditStore(TimeProvider timeProvider) : IAuditStore
{
    /// <summary>Opens nothing: a new, closed connection to the audit database.</summary>
    protected abstract DbConnection CreateConnection();

    /// <summary>The dialect's numbered schema scripts, in version order.</summary>
    protected abstract IReadOnlyList<SqlScript> Scripts { get; }

    /// <summary>The statement that creates the schema-version table when it does not exist.</summary>
    protected abstract string CreateSchemaVersionTableSql { get; }

    /// <summary>The name of the n-th parameter of a statement.</summary>
    protected virtual string ParameterName(int index) => "@p" + index;

    /// <summary>Converts an event value into what the dialect stores for a column of the given type.</summary>
    protected virtual object ToDbValue(AuditColumnType type, object? value) => value ?? DBNull.Value;

    /// <inheritdoc />
    public virtual async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateSchemaVersionTableSql, transaction: transaction, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            $"SELECT version FROM {AuditTables.SchemaVersion}", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();
        foreach (var script in Scripts.Where(s => !applied.Contains(s.Version)))
        {
            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {AuditTables.SchemaVersion} (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
                new { version = script.Version, name = script.Name, appliedAt = ToDbValue(AuditColumnType.Timestamp, timeProvider.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return;
        }

        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await WriteRowsAsync(connection, transaction, AuditTables.Request, units.Select(u => u.Request).ToArray(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Writes the rows of one table inside the batch transaction. The default is one prepared insert, executed per row.</summary>
    protected virtual async Task WriteRowsAsync<TEvent>(
        DbConnection connection, DbTransaction transaction, AuditTable<TEvent> table, IReadOnlyList<TEvent> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql(table);
        var parameters = new DbParameter[table.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = ParameterName(i);
            command.Parameters.Add(parameters[i]);
        }

        var prepared = false;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var column = table.Columns[i];
                parameters[i].Value = ToDbValue(column.Type, column.Read(row));
            }

            if (!prepared)
            {
                await command.PrepareAsync(cancellationToken);
                prepared = true;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The parameterised INSERT statement of a table.</summary>
    protected string InsertSql<TEvent>(AuditTable<TEvent> table) =>
        $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
        $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => ParameterName(i)))})";
}
