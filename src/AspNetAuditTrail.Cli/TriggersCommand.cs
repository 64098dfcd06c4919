using System.CommandLine;
using AspNetAuditTrail.PostgreSql;

namespace AspNetAuditTrail.Cli;

/// <summary>
/// <c>triggers</c>: installs (or with <c>--remove</c> removes) PostgreSQL triggers that record changes made outside the
/// application (scripts, database consoles) as change rows with <c>source = Database</c>.
/// </summary>
internal static class TriggersCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection") { Description = "The PostgreSQL database that holds the table" };
        var provider = new Option<string?>("--provider") { Description = "postgresql (the only one with change triggers)" };
        var table = new Option<string>("--table") { Description = "The table to watch, optionally schema.table", Required = true };
        var key = new Option<string[]>("--key") { Description = "Its key column (repeat, or separate with commas, for a composite key)", Required = true, AllowMultipleArgumentsPerToken = true };
        var entity = new Option<string?>("--entity") { Description = "The kind of record the rows name (default: the table's name)" };
        var exclude = new Option<string[]>("--exclude") { Description = "Columns never captured (repeat, or separate with commas)", AllowMultipleArgumentsPerToken = true };
        var schema = new Option<string?>("--schema") { Description = "The schema of the audit tables, when they are in this database" };
        var remove = new Option<bool>("--remove") { Description = "Remove the table's trigger instead" };
        var command = new Command("triggers", "Record changes made to a PostgreSQL table outside the application (source = Database)")
        {
            connection, provider, table, key, entity, exclude, schema, remove,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(provider) is { } named && !string.Equals(named, "postgresql", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"triggers: only PostgreSQL has change triggers, not '{named}'.");
                return ExitCodes.BadArguments;
            }

            if (parse.GetValue(connection) is not { Length: > 0 } database)
            {
                await Console.Error.WriteLineAsync("triggers: give the database with --connection.");
                return ExitCodes.BadArguments;
            }

            static string[] Names(string[]? values) => [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
            return await Guarded.RunAsync(async () =>
            {
                try
                {
                    if (parse.GetValue(remove))
                    {
                        var removed = await PostgreSqlChangeTriggers.RemoveAsync(database, parse.GetValue(table)!, cancellationToken);
                        Console.WriteLine(removed ? $"Removed the change trigger of {parse.GetValue(table)}." : $"{parse.GetValue(table)} had no change trigger.");
                        return ExitCodes.Done;
                    }

                    var target = await PostgreSqlChangeTriggers.InstallAsync(
                        database, parse.GetValue(table)!, Names(parse.GetValue(key)), parse.GetValue(entity), Names(parse.GetValue(exclude)), parse.GetValue(schema), cancellationToken);
                    Console.WriteLine($"Changes made to {parse.GetValue(table)} outside the application are recorded in {target}.");
                    if (target.EndsWith(PostgreSqlChangeTriggers.CaptureTable, StringComparison.Ordinal))
                    {
                        Console.WriteLine("The audit tables are not in this database: ship the captured rows to the audit database (README, \"Changes made outside the application\").");
                    }

                    return ExitCodes.Done;
                }
                catch (ArgumentException ex)
                {
                    await Console.Error.WriteLineAsync($"triggers: {ex.Message}");
                    return ExitCodes.BadArguments;
                }
            });
        });
        return command;
    }
}
