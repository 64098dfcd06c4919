using System.Diagnostics;
using System.Text.Json;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Storage;
using Npgsql;

namespace AspNetAuditTrail.IntegrationTests.Changes;

/// <summary><c>audit-trail triggers</c>: changes made with <c>psql</c>, outside any application, become change rows with <c>source = Database</c>.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlChangeTriggerTests(PostgreSqlServer server) : DatabaseTest(new PostgreSqlAuditDatabase(server, fresh: true))
{
    private const string Products = "CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2) NOT NULL, password text, cost numeric)";

    private static async Task PsqlAsync(string connectionString, string sql)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("psql") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-h", c.Host!, "-p", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", c.Username!, "-d", c.Database!, "-v", "ON_ERROR_STOP=1", "-c", sql })
        {
            start.ArgumentList.Add(argument);
        }

        using var psql = Process.Start(start)!;
        var error = await psql.StandardError.ReadToEndAsync(Token);
        await psql.WaitForExitAsync(Token);
        Assert.True(psql.ExitCode == 0, error);
    }

    private static Dictionary<string, JsonElement> Json(object? value) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>((string)value!)!;

    [Fact]
    public async Task AnUpdateMadeWithPsqlIsAChangeRowOfTheDatabaseUserWithTheChangedFieldsOnly()
    {
        var store = Database.CreateStore();
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        Database.Execute(Products);
        Database.Execute("INSERT INTO products VALUES (1, 'Keyboard', 49.90, 'hunter2', 12)");

        var installed = await CliProcess.RunAsync(null, "triggers", "--provider", "postgresql", "--connection", Database.ConnectionString, "--table", "products", "--key", "id", "--entity", "Product", "--exclude", "cost");
        await PsqlAsync(Database.ConnectionString, "UPDATE products SET price = 59.90, cost = 13 WHERE id = 1");
        await PsqlAsync(Database.ConnectionString, "UPDATE products SET cost = 14 WHERE id = 1");
        await PsqlAsync(Database.ConnectionString, "DELETE FROM products WHERE id = 1");

        Assert.True(installed.Code == 0, installed.Error);
        Assert.Contains("entity_change_audit_event", installed.Out, StringComparison.Ordinal);
        var rows = Database.Query($"SELECT * FROM {Database.Table("entity_change_audit_event")} ORDER BY occurred_at");
        Assert.Equal(["Updated", "Deleted"], rows.Select(r => (string)r["action"]!));
        Assert.All(rows, r => Assert.Equal(("Product", "products", "1", "Database", "postgres"), ((string)r["entity_type"]!, (string)r["table_name"]!, (string)r["entity_id"]!, (string)r["source"]!, (string)r["user_id"]!)));
        var changed = Json(rows[0]["changed_fields"]);
        Assert.Equal(["price"], changed.Keys);
        Assert.Equal((49.90m, 59.90m), (changed["price"].GetProperty("before").GetDecimal(), changed["price"].GetProperty("after").GetDecimal()));
        Assert.Equal("***", Json(rows[1]["before"])["password"].GetString());
        Assert.DoesNotContain("cost", string.Join("|", rows.Select(r => $"{r["before"]}{r["after"]}{r["changed_fields"]}")), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", string.Join("|", rows.Select(r => $"{r["before"]}{r["after"]}")), StringComparison.Ordinal);

        // The database wrote them: no writer sealed them, and verification does not call them forged.
        var (_, unsealed) = await ((IAuditIntegrityReader)store).ReadUnsealedAsync(DateTimeOffset.UnixEpoch, 10, Token);
        Assert.Equal(0, unsealed);

        var removed = await CliProcess.RunAsync(null, "triggers", "--connection", Database.ConnectionString, "--table", "products", "--key", "id", "--remove");
        Database.Execute("INSERT INTO products VALUES (2, 'Mouse', 19.90, NULL, 1)");
        Assert.Equal(0, removed.Code);
        Assert.Equal(2L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Table("entity_change_audit_event")}"));
    }

    [Fact]
    public async Task WithoutTheAuditTablesTheRowsWaitInALocalTableAndBadNamesAreRefused()
    {
        var shop = await server.CreateDatabaseAsync();
        try
        {
            await using (var connection = new NpgsqlConnection(shop))
            {
                await connection.OpenAsync(Token);
                await using var create = new NpgsqlCommand($"{Products}; CREATE TABLE stock (warehouse text, product_id int, quantity int, PRIMARY KEY (warehouse, product_id))", connection);
                await create.ExecuteNonQueryAsync(Token);
            }

            var installed = await CliProcess.RunAsync(null, "triggers", "--connection", shop, "--table", "stock", "--key", "warehouse,product_id");
            var injected = await CliProcess.RunAsync(null, "triggers", "--connection", shop, "--table", "stock; DROP TABLE stock", "--key", "warehouse");
            var missing = await CliProcess.RunAsync(null, "triggers", "--connection", shop, "--table", "stock", "--key", "sku");
            var sqlite = await CliProcess.RunAsync(null, "triggers", "--provider", "sqlite", "--connection", "Data Source=x.db", "--table", "stock", "--key", "id");
            await PsqlAsync(shop, "INSERT INTO stock VALUES ('north', 7, 5)");

            Assert.True(installed.Code == 0, installed.Error);
            Assert.Contains("ship the captured rows", installed.Out, StringComparison.Ordinal);
            Assert.Equal((2, 2, 2), (injected.Code, missing.Code, sqlite.Code));
            Assert.Contains("has no column 'sku'", missing.Error, StringComparison.Ordinal);
            await using var read = new NpgsqlConnection(shop);
            await read.OpenAsync(Token);
            await using var query = new NpgsqlCommand("SELECT entity_type, entity_id, action FROM audit_change_capture", read);
            await using var reader = await query.ExecuteReaderAsync(Token);
            Assert.True(await reader.ReadAsync(Token));
            var key = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(reader.GetString(1))!;
            Assert.Equal(("stock", "north", 7, "Created"), (reader.GetString(0), key["warehouse"].GetString(), key["product_id"].GetInt32(), reader.GetString(2)));
        }
        finally
        {
            await server.DropDatabaseAsync(shop);
        }
    }
}
