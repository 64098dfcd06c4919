using System.Text.RegularExpressions;
using AspNetAuditTrail.Capture;
using Npgsql;

namespace AspNetAuditTrail.PostgreSql;

/// <summary>
/// Change capture for writes made outside the application (scripts, <c>psql</c>): a trigger per table that writes a
/// change row (<c>source = 'Database'</c>, the database user as the user) for every inserted, updated or deleted row,
/// into <c>entity_change_audit_event</c> when the audit tables are in the same database, else into a local table
/// <c>audit_change_capture</c> of the same columns, to be shipped (README, "Changes made outside the application").
/// Columns named like secrets are masked; excluded columns are left out.
/// </summary>
public static partial class PostgreSqlChangeTriggers
{
    /// <summary>The local table that takes the change rows when the audit tables are elsewhere.</summary>
    public const string CaptureTable = "audit_change_capture";

    private const string Function = "audit_trail_capture_change";
    private const string Trigger = "audit_trail_capture";

    /// <summary>Installs (or replaces) the trigger on <paramref name="table"/>; returns the table the change rows go to.</summary>
    /// <param name="connectionString">The database that holds the table.</param>
    /// <param name="table">The table, optionally schema-qualified (<c>shop.products</c>).</param>
    /// <param name="keys">Its key columns.</param>
    /// <param name="entityType">The kind of record the rows name; null for the table's name.</param>
    /// <param name="excluded">Columns never captured (for example a password hash).</param>
    /// <param name="auditSchema">The schema of the audit tables when they are in this database; null for the search path.</param>
    /// <param name="cancellationToken">Stops the installation.</param>
    /// <exception cref="ArgumentException">A name is not a plain identifier, or a key or excluded column is not a column of the table.</exception>
    public static async Task<string> InstallAsync(
        string connectionString, string table, IReadOnlyList<string> keys, string? entityType, IReadOnlyList<string> excluded, string? auditSchema, CancellationToken cancellationToken)
    {
        var (schema, name) = Split(table);
        Check(keys.Concat(excluded), "column");
        ArgumentOutOfRangeException.ThrowIfZero(keys.Count);
        var entity = entityType ?? name;
        if (!EntityName().IsMatch(entity))
        {
            throw new ArgumentException($"'{entity}' is not a plain name for a kind of record.", nameof(entityType));
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var columns = await ColumnsAsync(connection, schema, name, cancellationToken);
        if (keys.Concat(excluded).FirstOrDefault(c => !columns.Contains(c)) is { } missing)
        {
            throw new ArgumentException($"{table} has no column '{missing}' (it has {string.Join(", ", columns)}).", nameof(keys));
        }

        var masker = new SecretMasker([]);
        var masked = columns.Where(c => masker.IsMasked(c) && !excluded.Contains(c)).ToArray();
        var audit = auditSchema is null ? "entity_change_audit_event" : $"{auditSchema}.entity_change_audit_event";
        string? auditHome;
        string home;
        await using (var probe = new NpgsqlCommand(
            "SELECT (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(@audit)), coalesce(@schema, current_schema())", connection))
        {
            probe.Parameters.AddWithValue("audit", audit);
            probe.Parameters.AddWithValue("schema", (object?)schema ?? DBNull.Value);
            await using var reader = await probe.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (auditHome, home) = (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1));
        }

        // The function runs with a fixed search path: every name in it is qualified.
        var (targetSchema, targetTable) = auditHome is null ? (home, CaptureTable) : (auditHome, "entity_change_audit_event");
        var target = Qualified(targetSchema, targetTable);
        var function = Qualified(targetSchema, Function);
        var statements = new List<string>();
        if (auditHome is null)
        {
            statements.Add(CreateCaptureTableSql(target));
        }

        statements.Add(FunctionSql(function, target));
        statements.Add($"DROP TRIGGER IF EXISTS {Trigger} ON {Qualified(home, name)}");
        statements.Add($"CREATE TRIGGER {Trigger} AFTER INSERT OR UPDATE OR DELETE ON {Qualified(home, name)} FOR EACH ROW EXECUTE FUNCTION {function}(" +
            $"'{string.Join(',', keys)}', '{entity}', '{string.Join(',', excluded)}', '{string.Join(',', masked)}')");
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return $"{targetSchema}.{targetTable}";
    }

    /// <summary>Removes the trigger from <paramref name="table"/> (the function and any captured rows stay); false when there was none.</summary>
    public static async Task<bool> RemoveAsync(string connectionString, string table, CancellationToken cancellationToken)
    {
        var (schema, name) = Split(table);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_trigger WHERE tgname = @trigger AND tgrelid = to_regclass(@table)", connection);
        exists.Parameters.AddWithValue("trigger", Trigger);
        exists.Parameters.AddWithValue("table", Qualified(schema, name));
        var found = (long)(await exists.ExecuteScalarAsync(cancellationToken))! > 0;
        await using var drop = new NpgsqlCommand($"DROP TRIGGER IF EXISTS {Trigger} ON {Qualified(schema, name)}", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
        return found;
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string? schema, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_name = @table AND table_schema = coalesce(@schema, current_schema()) ORDER BY ordinal_position", connection);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("schema", (object?)schema ?? DBNull.Value);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns.Count > 0 ? columns : throw new ArgumentException($"There is no table {(schema is null ? "" : schema + ".")}{table} in this database.", nameof(table));
    }

    private static (string? Schema, string Name) Split(string table)
    {
        var parts = table.Split('.');
        Check(parts, "table");
        return parts.Length switch
        {
            1 => (null, parts[0]),
            2 => (parts[0], parts[1]),
            _ => throw new ArgumentException($"'{table}' is not a table name (name, or schema.name).", nameof(table)),
        };
    }

    private static void Check(IEnumerable<string> names, string what)
    {
        if (names.FirstOrDefault(n => !AspNetAuditTrail.Relational.SqlScript.IsPlainIdentifier(n)) is { } bad)
        {
            throw new ArgumentException($"'{bad}' is not a plain {what} name (letters, digits and _).");
        }
    }

    private static string Qualified(string? schema, string name) => schema is null ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

    private static string Quote(string name) => $"\"{name}\"";

    private static string CreateCaptureTableSql(string table) => $"""
        CREATE TABLE IF NOT EXISTS {table} (
            id uuid NOT NULL PRIMARY KEY, occurred_at timestamptz NOT NULL, user_id varchar(256) NULL, service_name varchar(128) NULL,
            entity_type varchar(256) NOT NULL, table_name varchar(256) NULL, entity_id varchar(512) NOT NULL, action varchar(16) NOT NULL,
            before jsonb NULL, after jsonb NULL, changed_fields jsonb NULL, source varchar(16) NOT NULL, transaction_id varchar(128) NULL)
        """;

    // Runs as its owner (who can write the change table), with a fixed search path; the user who made the change is session_user.
    private static string FunctionSql(string function, string target) => $$"""
        CREATE OR REPLACE FUNCTION {{function}}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $capture$
        DECLARE
            keys text[] := string_to_array(TG_ARGV[0], ',');
            hidden text[] := coalesce(string_to_array(nullif(TG_ARGV[2], ''), ','), '{}');
            masked text[] := coalesce(string_to_array(nullif(TG_ARGV[3], ''), ','), '{}');
            old_row jsonb;
            new_row jsonb;
            changed jsonb;
            key_value text;
            k text;
        BEGIN
            IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - hidden; END IF;
            IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - hidden; END IF;
            SELECT jsonb_object_agg(f.key, jsonb_build_object('before', old_row -> f.key, 'after', new_row -> f.key)) INTO changed
              FROM jsonb_object_keys(coalesce(old_row, '{}') || coalesce(new_row, '{}')) AS f(key)
             WHERE (old_row -> f.key) IS DISTINCT FROM (new_row -> f.key);
            IF changed IS NULL THEN RETURN NULL; END IF;
            IF array_length(keys, 1) = 1 THEN
                key_value := coalesce(new_row, old_row) ->> keys[1];
            ELSE
                SELECT jsonb_object_agg(p, coalesce(new_row, old_row) -> p)::text INTO key_value FROM unnest(keys) AS p;
            END IF;
            FOREACH k IN ARRAY masked LOOP
                IF old_row ? k THEN old_row := jsonb_set(old_row, ARRAY[k], '"***"'); END IF;
                IF new_row ? k THEN new_row := jsonb_set(new_row, ARRAY[k], '"***"'); END IF;
                IF changed ? k THEN changed := jsonb_set(changed, ARRAY[k], '"***"'); END IF;
            END LOOP;
            INSERT INTO {{target}} (id, occurred_at, user_id, service_name, entity_type, table_name, entity_id, action, before, after, changed_fields, source, transaction_id)
            VALUES (gen_random_uuid(), clock_timestamp(), session_user, current_database(), TG_ARGV[1], TG_TABLE_NAME, key_value,
                    CASE TG_OP WHEN 'INSERT' THEN 'Created' WHEN 'UPDATE' THEN 'Updated' ELSE 'Deleted' END,
                    old_row, new_row, changed, 'Database', pg_current_xact_id()::text);
            RETURN NULL;
        END
        $capture$
        """;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.]{0,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex EntityName();
}
