using System.CommandLine;
using AspNetAuditTrail.Reports;
using AspNetAuditTrail.Reports.Reporting;
using Microsoft.Extensions.Configuration;

namespace AspNetAuditTrail.Cli;

/// <summary>
/// <c>report</c>: writes the activities, suspicious-activity, statistics, processes or security report of the last
/// <c>--days</c> (or <c>--from</c> to <c>--to</c>), for one <c>--user</c> or <c>--tenant</c> when given, as PDF, CSV or
/// JSON, to <c>--output</c> (created readable by its owner only), with progress while it reads.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var store = new StoreArguments();
        var kind = new Option<string>("--kind") { Description = "activities, suspicious, statistics, processes or security", Required = true };
        var days = new Option<int?>("--days") { Description = "The last N days up to now (1 to 366; default 7)" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "The period's start (instead of --days)" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "The period's end (default now)" };
        var user = new Option<string?>("--user") { Description = "Only this user's rows" };
        var tenant = new Option<string?>("--tenant") { Description = "Only this tenant's rows (acme, or acme/client-7)" };
        var format = new Option<string>("--format") { Description = "pdf, csv or json", DefaultValueFactory = _ => "pdf" };
        var output = new Option<FileInfo>("--output") { Description = "The file to write (replaced when it exists)", Required = true };
        var command = new Command("report", "Write a report of a period as PDF, CSV or JSON");
        store.AddTo(command);
        foreach (var option in new Option[] { kind, days, from, to, user, tenant, format, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var (opened, problem) = store.Open(parse, mustExist: true);
            var now = DateTimeOffset.UtcNow;
            var (start, end) = (parse.GetValue(from), parse.GetValue(to) ?? now);
            var file = parse.GetValue(output)!;
            var knownKind = Enum.TryParse<AuditReportKind>(parse.GetValue(kind), ignoreCase: true, out var reportKind) && Enum.IsDefined(reportKind) && !int.TryParse(parse.GetValue(kind), out _);
            var knownFormat = Enum.TryParse<AuditReportFormat>(parse.GetValue(format), ignoreCase: true, out var reportFormat) && Enum.IsDefined(reportFormat) && !int.TryParse(parse.GetValue(format), out _);
            problem ??= !knownKind
                ? $"--kind must be activities, suspicious, statistics, processes or security, not '{parse.GetValue(kind)}'."
                : !knownFormat
                    ? $"--format must be pdf, csv or json, not '{parse.GetValue(format)}'."
                    : start is not null && parse.GetValue(days) is not null ? "Give --days or --from, not both."
                    : parse.GetValue(days) is < 1 or > 366 ? "--days must be from 1 to 366."
                    : (start ?? end) > end ? "--to is before --from."
                    : file.Directory is { Exists: false } ? $"--output: the folder {file.DirectoryName} does not exist." : null;
            if (opened is null || problem is not null)
            {
                await Console.Error.WriteLineAsync(problem);
                return ExitCodes.BadArguments;
            }

            var suspicious = new SuspiciousActivityOptions();
            store.AuditTrailSection(parse).GetSection("Suspicious").Bind(suspicious);
            var request = new AuditReportRequest
            {
                Kind = reportKind,
                Format = reportFormat,
                From = start ?? end.AddDays(-(parse.GetValue(days) ?? 7)),
                To = end,
                UserId = parse.GetValue(user),
                Tenant = parse.GetValue(tenant) is { Length: > 0 } t ? new AuditTenant(t.Split('/', 2)[0], t.Split('/', 2) is [_, var sub] ? sub : null) : null,
                PulledBy = $"{Environment.UserName} (audit-trail report)",
            };
            return await Guarded.RunAsync(async () =>
            {
                file.Delete();
                try
                {
                    await using (var stream = PrivateFile.Create(file.FullName))
                    {
                        await CliProgress.RunAsync($"Reading the {reportKind.ToString().ToLowerInvariant()} report's rows", 0, async report =>
                        {
                            var seen = 0L;
                            await new AuditReports(opened, suspicious, TimeProvider.System).WriteAsync(request, stream, new Progress(rows => report(rows - Interlocked.Exchange(ref seen, rows))), cancellationToken);
                            return 0;
                        });
                    }

                    Console.WriteLine($"Wrote {file.FullName} ({new FileInfo(file.FullName).Length:N0} bytes).");
                    return ExitCodes.Done;
                }
                catch
                {
                    file.Delete();
                    throw;
                }
            });
        });
        return command;
    }

    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
