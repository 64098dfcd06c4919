using System.CommandLine;
using System.Text.Json;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.Cli;

/// <summary>
/// <c>export-user</c>: writes every row about one user (the rows that name them, and the rows linked to theirs) to a new
/// JSON file that only its owner can read: one array per table, for a subject's request for their data.
/// </summary>
internal static class ExportUserCommand
{
    public static Command Create()
    {
        var store = new StoreArguments();
        var user = new Option<string>("--user") { Description = "The user (id or name, as the rows hold it)", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "The JSON file to create (it must not exist)", Required = true };
        var command = new Command("export-user", "Export every row about one user to a JSON file");
        store.AddTo(command);
        command.Options.Add(user);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (opened, problem) = store.Open(parse, mustExist: true);
            var (who, file) = (parse.GetValue(user)!, parse.GetValue(output)!);
            problem ??= string.IsNullOrWhiteSpace(who) ? "--user must name a user." : file.Exists ? $"--output: {file.FullName} exists; give a new file." : null;
            if (opened is null || problem is not null)
            {
                await Console.Error.WriteLineAsync(problem);
                return ExitCodes.BadArguments;
            }

            return await Guarded.RunAsync(async () =>
            {
                var total = (await opened.CountUserAsync(who, cancellationToken)).Sum(c => c.Rows);
                var written = await CliProgress.RunAsync("Exporting", total, async report =>
                {
                    try
                    {
                        return await WriteAsync(opened, who, file, report, cancellationToken);
                    }
                    catch
                    {
                        // Never leave half an export of someone's data behind.
                        file.Delete();
                        throw;
                    }
                });
                Console.WriteLine($"Wrote {file.FullName}:");
                RecordKinds.Print(written);
                return ExitCodes.Done;
            });
        });
        return command;
    }

    private static async Task<IReadOnlyList<Retention.AuditRowCount>> WriteAsync(SqlAuditStore store, string who, FileInfo file, Action<long> report, CancellationToken cancellationToken)
    {
        await using var stream = PrivateFile.Create(file.FullName);
        await using var writer = new Utf8JsonWriter(stream, AuditRecordJson.WriterOptions with { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("user", who);
        writer.WriteString("exportedAt", DateTimeOffset.UtcNow);
        var rows = await store.ExportUserAsync(who, writer, report, cancellationToken);
        writer.WriteEndObject();
        return rows;
    }
}
