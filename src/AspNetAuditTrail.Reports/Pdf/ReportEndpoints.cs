using System.Globalization;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports.Integrity;
using AspNetAuditTrail.Reports.Query;
using Microsoft.AspNetCore.Http;
using PdfSharp.Drawing;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>The PDF reports of requests, sign-ins and processes (changes of records: <see cref="ChangesReport"/>). Each reads the trail as a stream and writes page by page.</summary>
internal static class ReportEndpoints
{
    private const int MaxEndpoints = 5_000;
    private static readonly XColor Green = XColor.FromArgb(0, 128, 64);
    private static readonly XColor Red = XColor.FromArgb(192, 0, 0);
    private static readonly XColor Amber = XColor.FromArgb(176, 112, 0);

    public static async Task<IResult> RequestsAsync(HttpContext context, IAuditReader reader, TimeProvider time)
    {
        reader = ReadScope.Narrow(context, reader);
        var (query, errors) = AuditQueryParser.Parse(context.Request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var cancel = context.RequestAborted;
        var byClass = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var endpoints = new Dictionary<string, (long Count, double TotalMs, double MaxMs)>(StringComparer.Ordinal);
        long total = 0;
        await foreach (var row in reader.StreamRequestsAsync(query, cancel))
        {
            total++;
            var statusClass = $"{row.StatusCode / 100}xx";
            byClass[statusClass] = byClass.GetValueOrDefault(statusClass) + 1;
            var endpoint = $"{row.Method} {row.RouteTemplate ?? row.Path}";
            if (endpoints.ContainsKey(endpoint) || endpoints.Count < MaxEndpoints)
            {
                var (count, sum, max) = endpoints.GetValueOrDefault(endpoint);
                endpoints[endpoint] = (count + 1, sum + row.DurationMs, Math.Max(max, row.DurationMs));
            }
        }

        using var pdf = await NewReportAsync(context, time, "Requests report", Filters(context), query.From, query.To);
        pdf.Heading("Summary");
        pdf.Line($"Requests: {total.ToString("N0", CultureInfo.InvariantCulture)}");
        pdf.Line("By status class: " + (byClass.Count == 0 ? "none" : string.Join(", ", byClass.Select(c => $"{c.Key} {c.Value.ToString("N0", CultureInfo.InvariantCulture)}"))));
        var errorsCount = byClass.GetValueOrDefault("5xx");
        pdf.Line($"Error rate (5xx): {(total == 0 ? 0 : 100.0 * errorsCount / total).ToString("0.0", CultureInfo.InvariantCulture)} %");
        pdf.Heading("Slowest endpoints (by average duration)");
        pdf.BeginTable([new("Endpoint", 6), new("Requests", 1.2), new("Average ms", 1.4), new("Slowest ms", 1.4)]);
        foreach (var (endpoint, (count, sum, max)) in endpoints.OrderByDescending(e => e.Value.TotalMs / e.Value.Count).Take(10))
        {
            pdf.Row([endpoint, count.ToString(CultureInfo.InvariantCulture), Ms(sum / count), Ms(max)]);
        }

        pdf.Heading("Requests");
        pdf.BeginTable([new("Time (UTC)", 2.3), new("Method", 1), new("Path", 5), new("Status", 0.9), new("ms", 1), new("User", 1.6), new("IP", 1.7)]);
        await foreach (var row in reader.StreamRequestsAsync(query, cancel))
        {
            var status = row.StatusCode;
            pdf.Row(
            [
                Time(row.OccurredAt), row.Method, Path(row), new PdfCell(status.ToString(CultureInfo.InvariantCulture), status >= 500 ? Red : status >= 400 ? Amber : null),
                Ms(row.DurationMs), row.UserId, row.IpAddress,
            ]);
        }

        return Send(context, pdf, "requests.pdf");
    }

    public static async Task<IResult> LoginsAsync(HttpContext context, IAuditReader reader, TimeProvider time)
    {
        reader = ReadScope.Narrow(context, reader);
        if (!TryTimeRange(context, out var from, out var to, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var cancel = context.RequestAborted;
        var byStatus = new Dictionary<LoginStatus, long>();
        var failuresByUser = new Dictionary<string, long>(StringComparer.Ordinal);
        var failuresByIp = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var row in reader.StreamAsync<LoginAuditEvent>(from, to, tenant: null, cancel))
        {
            byStatus[row.Status] = byStatus.GetValueOrDefault(row.Status) + 1;
            if (row.Status == LoginStatus.Failed)
            {
                Count(failuresByUser, row.UserName ?? "(unknown)");
                Count(failuresByIp, row.IpAddress ?? "(unknown)");
            }
        }

        using var pdf = await NewReportAsync(context, time, "Sign-in report", Filters(context), from, to);
        pdf.Heading("Summary");
        pdf.Line("Sign-ins, sign-outs and failures: " + (byStatus.Count == 0 ? "none" : string.Join(", ", byStatus.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))));
        Ranking(pdf, "Failed sign-ins by user", "User", failuresByUser);
        Ranking(pdf, "Failed sign-ins by address", "IP address", failuresByIp);

        pdf.Heading("Suspicious activity");
        pdf.BeginTable([new("Time (UTC)", 2.3), new("Severity", 1.2), new("User", 1.8), new("IP", 1.7), new("Details", 6)]);
        await foreach (var row in reader.StreamAsync<SecurityAuditEvent>(from, to, tenant: null, cancel))
        {
            if (row.EventType == SecurityEventType.SuspiciousActivity)
            {
                pdf.Row([Time(row.OccurredAt), new PdfCell(row.Severity.ToString(), Red, Bold: true), row.UserName, row.IpAddress, row.Details]);
            }
        }

        pdf.Heading("Sign-ins, sign-outs and failures");
        pdf.BeginTable([new("Time (UTC)", 2.3), new("Status", 1.3), new("User name", 2.4), new("User id", 2), new("IP", 1.8)]);
        await foreach (var row in reader.StreamAsync<LoginAuditEvent>(from, to, tenant: null, cancel))
        {
            pdf.Row([Time(row.OccurredAt), new PdfCell(row.Status.ToString(), row.Status == LoginStatus.Failed ? Red : Green, Bold: true), row.UserName, row.UserId, row.IpAddress]);
        }

        return Send(context, pdf, "logins.pdf");
    }

    /// <summary>drf-audit-trail's process report, improved: every expected registration is a slot, filled or "No registration", and success is derived.</summary>
    public static async Task<IResult> ProcessesAsync(HttpContext context, IAuditReader reader, TimeProvider time)
    {
        reader = ReadScope.Narrow(context, reader);
        if (!TryTimeRange(context, out var from, out var to, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var cancel = context.RequestAborted;
        var steps = new Dictionary<Guid, List<StepAuditEvent>>();
        await foreach (var step in reader.StreamAsync<StepAuditEvent>(from, to, tenant: null, cancel))
        {
            (steps.TryGetValue(step.ProcessId, out var list) ? list : steps[step.ProcessId] = []).Add(step);
        }

        var registrations = new Dictionary<Guid, List<RegistrationAuditEvent>>();
        await foreach (var registration in reader.StreamAsync<RegistrationAuditEvent>(from, null, tenant: null, cancel))
        {
            (registrations.TryGetValue(registration.StepId, out var list) ? list : registrations[registration.StepId] = []).Add(registration);
        }

        using var pdf = await NewReportAsync(context, time, "Process report", Filters(context), from, to);
        pdf.BeginTable([new("Process", 2.4), new("Step", 1.6), new("Slot", 0.8), new("Registration", 5), new("Result", 2.2)]);
        await foreach (var process in reader.StreamAsync<ProcessAuditEvent>(from, to, tenant: null, cancel))
        {
            var processSteps = steps.GetValueOrDefault(process.Id) ?? [];
            var outcome = ProcessOutcome.Evaluate(processSteps, processSteps.SelectMany(s => registrations.GetValueOrDefault(s.Id) ?? []));
            pdf.Row(
            [
                new PdfCell(process.Name, Bold: true), "", "",
                $"Started {Time(process.OccurredAt)} by {process.CreatedBy ?? "(no user)"}" + (process.RequestEventId is { } request ? $", request {request}" : ""),
                Badge(outcome.Outcome),
            ]);
            foreach (var step in processSteps.OrderBy(s => s.Order))
            {
                var stepOutcome = outcome.Steps.First(s => s.Name == step.Name);
                pdf.Row(["", new PdfCell(step.Name, Bold: true), "",
                    $"Expected {stepOutcome.ExpectedRegistrations}, registered {stepOutcome.Succeeded + stepOutcome.Failed} ({stepOutcome.Succeeded} succeeded, {stepOutcome.Failed} failed)",
                    Badge(stepOutcome.Outcome)]);
                var made = registrations.GetValueOrDefault(step.Id) ?? [];
                var slots = Math.Max(stepOutcome.ExpectedRegistrations, made.Count);
                for (var slot = 0; slot < slots; slot++)
                {
                    var label = $"{slot + 1}/{stepOutcome.ExpectedRegistrations}";
                    if (slot < made.Count)
                    {
                        var success = made[slot].Success;
                        pdf.Row(["", "", label, $"{made[slot].Name}: {made[slot].Description}",
                            new PdfCell(success ? "SUCCESS" : "FAILURE", success ? Green : Red, Bold: true)]);
                    }
                    else
                    {
                        pdf.Row(["", "", label, "", new PdfCell("NO REGISTRATION", Red, Bold: true)]);
                    }
                }
            }
        }

        return Send(context, pdf, "processes.pdf");
    }

    /// <summary>A report whose header names who pulled it, its filters, and whether the rows of its period verify.</summary>
    internal static async Task<PdfReportWriter> NewReportAsync(HttpContext context, TimeProvider time, string title, IEnumerable<string> filters, DateTimeOffset? from, DateTimeOffset? to)
    {
        var user = context.User;
        var pulledBy = user.Identity?.Name ?? user.FindFirst("sub")?.Value ?? "an unnamed user";
        var verification = await TrailVerification.RunAsync(context, new AuditVerifyScope(from, to));
        return new PdfReportWriter(title, pulledBy, time.GetUtcNow(), filters, TrailVerification.Summary(verification));
    }

    internal static IResult Send(HttpContext context, PdfReportWriter pdf, string fileName)
    {
        var output = new MemoryStream();
        pdf.Save(output);
        output.Position = 0;
        return TypedResults.File(output, "application/pdf", fileName);
    }

    internal static IEnumerable<string> Filters(HttpContext context) =>
        context.Request.Query.Where(q => !string.IsNullOrWhiteSpace(q.Value)).Select(q => $"{q.Key} = {q.Value}");

    private static bool TryTimeRange(HttpContext context, out DateTimeOffset? from, out DateTimeOffset? to, out Dictionary<string, string[]> errors)
    {
        (from, to, errors) = AuditQueryParser.ParseTimeRange(context.Request.Query);
        return errors.Count == 0;
    }

    private static void Ranking(PdfReportWriter pdf, string heading, string column, Dictionary<string, long> counts)
    {
        pdf.Heading(heading);
        pdf.BeginTable([new(column, 5), new("Failures", 1.5)]);
        foreach (var (key, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(20))
        {
            pdf.Row([key, count.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    private static void Count(Dictionary<string, long> counts, string key)
    {
        if (counts.ContainsKey(key) || counts.Count < MaxEndpoints)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    private static PdfCell Badge(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Succeeded => new PdfCell("SUCCEEDED", Green, Bold: true),
        AuditOutcome.Failed => new PdfCell("FAILED", Red, Bold: true),
        _ => new PdfCell("INCOMPLETE", Amber, Bold: true),
    };

    private static string Path(RequestAuditEvent row) => row.QueryString is { } query ? $"{row.Path}?{query}" : row.Path;

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
}
