using System.Data.Common;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Storage;
using Dapper;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// What every SQL dialect shares: schema scripts recorded in a version table, and batches written in one
/// transaction through a prepared insert per table. A dialect supplies its connection, its scripts and
/// how values are stored, and may override the bulk path and how names are qualified. Writes are idempotent
/// by id: a row whose id is already stored is skipped, so a batch retried after a lost commit, or replayed,
/// lands exactly once.
/// </summary>
public abstract partial class SqlAuditStore(TimeProvider timeProvider) : IAuditStore, IAuditSchemaMigrator, IAuditReader
{
    /// <summary>Opens nothing: a new, closed connection to the audit database.</summary>
    protected abstract DbConnection CreateConnection();

    /// <inheritdoc />
    public abstract string Identity { get; }

    /// <summary>The dialect's numbered schema scripts, in version order.</summary>
    protected abstract IReadOnlyList<SqlScript> Scripts { get; }

    /// <summary>The statement that creates the schema-version table when it does not exist.</summary>
    protected abstract string CreateSchemaVersionTableSql { get; }

    /// <summary>A statement run first in the schema transaction, so that app instances starting together apply scripts one at a time; null for none.</summary>
    protected virtual string? SchemaLockSql => null;

    /// <summary>The name of the n-th parameter of a statement.</summary>
    protected virtual string ParameterName(int index) => "@p" + index;

    /// <summary>A table's name as statements write it (a dialect may qualify it with a schema).</summary>
    protected virtual string TableName(string table) => table;

    /// <summary>
    /// Ends the prepared insert so that a row whose id is already stored is skipped, and only that: other
    /// constraints still fail the batch. The default, <c>ON CONFLICT (id) DO NOTHING</c>, suits SQLite and PostgreSQL.
    /// </summary>
    protected virtual string OnDuplicateId => "ON CONFLICT (id) DO NOTHING";

    /// <summary>
    /// Statements that open a transaction of retention or anonymisation: they tell the append-only triggers (schema
    /// version 8) that this transaction may update and delete audit rows. None by default.
    /// </summary>
    protected virtual IReadOnlyList<string> BeginMaintenanceSql => [];

    /// <summary>Statements that end such a transaction's permission before it commits. None by default.</summary>
    protected virtual IReadOnlyList<string> EndMaintenanceSql => [];

    /// <summary>Statements the dialect's bulk path runs, for syntax checks.</summary>
    protected virtual IEnumerable<string> BulkStatements() => [];

    /// <summary>The batches a script runs as (a dialect may split it or fill in placeholders).</summary>
    protected virtual IEnumerable<string> Batches(SqlScript script) => [script.Sql];

    /// <summary>Converts an event value into what the dialect stores for a column of the given type (by default: times as UTC <see cref="DateTime"/>).</summary>
    protected virtual object ToDbValue(AuditColumnType type, object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.UtcDateTime,
        _ => value,
    };

    private string SelectVersionsSql => $"SELECT version FROM {TableName(AuditTables.SchemaVersion)}";

    private string InsertVersionSql =>
        $"INSERT INTO {TableName(AuditTables.SchemaVersion)} (version, name, applied_at) VALUES (@version, @name, @appliedAt)";

    /// <summary>Every statement this store runs against the database, for syntax checks.</summary>
    internal IEnumerable<string> GeneratedStatements() =>
        new[]
            {
                SchemaLockSql, CreateSchemaVersionTableSql, SelectVersionsSql, InsertVersionSql,
                InsertSql(AuditTables.Request), InsertSql(AuditTables.Login), InsertSql(AuditTables.Security),
                InsertSql(AuditTables.Process), InsertSql(AuditTables.Step), InsertSql(AuditTables.Registration),
                InsertSql(AuditTables.BusinessEvent), InsertSql(AuditTables.EntityChange),
            }
            .OfType<string>()
            .Concat(BulkStatements())
            .Concat(ReadingStatements())
            .Concat(RetentionStatements())
            .Concat(PersonalDataStatements())
            .Concat(IntegrityStatements())
            .Concat(BeginMaintenanceSql)
            .Concat(EndMaintenanceSql)
            .Concat(Scripts.SelectMany(Batches));

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditSchemaChange>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        HashSet<int> applied;
        try
        {
            applied = (await connection.QueryAsync<int>(new CommandDefinition(SelectVersionsSql, cancellationToken: cancellationToken))).ToHashSet();
        }
        catch (DbException)
        {
            // No version table yet: every script is pending.
            applied = [];
        }

        return Unapplied(applied).Select(s => new AuditSchemaChange(s.Version, s.Name, Batches(s).ToArray())).ToArray();
    }

    /// <inheritdoc />
    public virtual async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        CommandDefinition Command(string sql, object? parameters = null) => new(sql, parameters, transaction, cancellationToken: cancellationToken);

        if (SchemaLockSql is { } schemaLock)
        {
            await connection.ExecuteAsync(Command(schemaLock));
        }

        await connection.ExecuteAsync(Command(CreateSchemaVersionTableSql));
        var applied = (await connection.QueryAsync<int>(Command(SelectVersionsSql))).ToHashSet();
        foreach (var script in Unapplied(applied))
        {
            foreach (var batch in Batches(script))
            {
                await connection.ExecuteAsync(Command(batch));
            }

            await connection.ExecuteAsync(Command(InsertVersionSql, new
            {
                version = script.Version,
                name = script.Name,
                appliedAt = ToDbValue(AuditColumnType.Timestamp, timeProvider.GetUtcNow()),
            }));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private IEnumerable<SqlScript> Unapplied(HashSet<int> applied) => Scripts.Where(s => !applied.Contains(s.Version));

    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return;
        }

        await BeforeWriteAsync(cancellationToken);
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Task Write<TEvent>(AuditTable<TEvent> table, IEnumerable<TEvent> rows) =>
            rows.ToArray() is { Length: > 0 } array ? WriteRowsAsync(connection, transaction, table, array, cancellationToken) : Task.CompletedTask;

        // Parents first, so every reference is valid when its row arrives.
        await Write(AuditTables.Request, units.Select(u => u.Request).OfType<RequestAuditEvent>());
        await Write(AuditTables.Login, units.SelectMany(u => u.Logins));
        await Write(AuditTables.Security, units.SelectMany(u => u.SecurityEvents));
        await Write(AuditTables.Process, units.SelectMany(u => u.Processes));
        await Write(AuditTables.Step, units.SelectMany(u => u.Steps));
        await Write(AuditTables.Registration, units.SelectMany(u => u.Registrations));
        await Write(AuditTables.BusinessEvent, units.SelectMany(u => u.BusinessEvents));
        await Write(AuditTables.EntityChange, units.SelectMany(u => u.EntityChanges));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that may update and delete audit rows (retention, anonymisation),
    /// committed when it returns.
    /// </summary>
    protected async Task InMaintenanceAsync(DbConnection connection, Func<DbTransaction, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in BeginMaintenanceSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, transaction: transaction, cancellationToken: cancellationToken));
        }

        await work(transaction);
        foreach (var statement in EndMaintenanceSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, transaction: transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Runs before each batch is written: a dialect may check that its database is still the one it opened.</summary>
    protected virtual Task BeforeWriteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Writes the rows (at least one) of one table inside the batch transaction. The default is one prepared insert,
    /// executed per row; a dialect overrides it with its bulk path.
    /// </summary>
    protected virtual async Task WriteRowsAsync<TEvent>(
        DbConnection connection, DbTransaction transaction, AuditTable<TEvent> table, IReadOnlyList<TEvent> rows, CancellationToken cancellationToken)
    {
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
                parameters[i].Value = ToDbValue(column.Type, column.ValueOf(row));
            }

            if (!prepared)
            {
                await command.PrepareAsync(cancellationToken);
                prepared = true;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The parameterised insert of a table, skipping a row whose id is already stored.</summary>
    protected string InsertSql<TEvent>(AuditTable<TEvent> table) =>
        $"INSERT INTO {TableName(table.Name)} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
        $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => ParameterName(i)))}) {OnDuplicateId}".TrimEnd();
}
