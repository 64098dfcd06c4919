using Dapper;

namespace AspNetAuditTrail.Relational;

/// <summary>Leases in <see cref="SqlAuditStore"/>: a row per lease in <c>audit_lease</c>, taken when free or expired, renewed by its holder.</summary>
public abstract partial class SqlAuditStore
{
    private string RenewLeaseSql =>
        $"UPDATE {TableName(AuditTables.Lease)} SET holder = @holder, expires_at = @expires WHERE name = @name AND (holder = @holder OR expires_at < @now)";

    private string TakeLeaseSql =>
        $"INSERT INTO {TableName(AuditTables.Lease)} (name, holder, expires_at) SELECT @name, @holder, @expires " +
        $"WHERE NOT EXISTS (SELECT 1 FROM {TableName(AuditTables.Lease)} WHERE name = @name)";

    private string ReleaseLeaseSql => $"DELETE FROM {TableName(AuditTables.Lease)} WHERE name = @name AND holder = @holder";

    /// <inheritdoc />
    public async Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        var now = timeProvider.GetUtcNow();
        var parameters = new
        {
            name,
            holder,
            now = ToDbValue(AuditColumnType.Timestamp, now),
            expires = ToDbValue(AuditColumnType.Timestamp, now + duration),
        };
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(RenewLeaseSql, parameters, cancellationToken: cancellationToken)) == 1)
        {
            return true;
        }

        try
        {
            return await connection.ExecuteAsync(new CommandDefinition(TakeLeaseSql, parameters, cancellationToken: cancellationToken)) == 1;
        }
        catch (System.Data.Common.DbException)
        {
            // Another instance took the free lease at the same moment (the table exists: the update above ran).
            return false;
        }
    }

    /// <inheritdoc />
    public async Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(ReleaseLeaseSql, new { name, holder }, cancellationToken: cancellationToken));
    }
}
