using System.CommandLine;

namespace AspNetAuditTrail.Cli;

/// <summary><c>migrate</c>: applies the schema scripts the database lacks, or (<c>--script</c>) prints their SQL and changes nothing.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var store = new StoreArguments();
        var script = new Option<bool>("--script") { Description = "Print the SQL that would be applied; change nothing" };
        var command = new Command("migrate", "Apply the audit schema (creating or upgrading it), or print its SQL");
        store.AddTo(command);
        command.Options.Add(script);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (migrator, problem) = store.Open(parse, listingOnly: parse.GetValue(script));
            if (migrator is null)
            {
                await Console.Error.WriteLineAsync(problem);
                return ExitCodes.BadArguments;
            }

            return await Guarded.RunAsync(async () =>
            {
                var pending = await migrator.PendingAsync(cancellationToken);
                if (parse.GetValue(script))
                {
                    foreach (var change in pending)
                    {
                        Console.WriteLine($"-- {change.Version:000}_{change.Name}");
                        foreach (var statement in change.Statements)
                        {
                            Console.WriteLine(statement.TrimEnd());
                            Console.WriteLine();
                        }
                    }

                    await Console.Error.WriteLineAsync(pending.Count == 0 ? "The schema is up to date: nothing to apply." : $"{pending.Count} script(s) would be applied.");
                    return ExitCodes.Done;
                }

                await migrator.MigrateAsync(cancellationToken);
                Console.WriteLine(pending.Count == 0
                    ? "The schema is up to date."
                    : $"Applied {string.Join(", ", pending.Select(c => $"{c.Version:000}_{c.Name}"))}.");
                return ExitCodes.Done;
            });
        });
        return command;
    }
}
