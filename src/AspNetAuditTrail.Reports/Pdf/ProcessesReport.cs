using System.Text.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Reports.Export;
using PdfSharp.Drawing;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>
/// drf-audit-trail's process report, improved: every expected registration is a slot, filled or "No registration", and
/// success is derived. As PDF, or as CSV (a line per step) and JSON (each process with its steps).
/// </summary>
internal static class ProcessesReport
{
    private static readonly XColor Green = XColor.FromArgb(0, 128, 64);
    private static readonly XColor Red = XColor.FromArgb(192, 0, 0);
    private static readonly XColor Amber = XColor.FromArgb(176, 112, 0);

    public static async Task PdfAsync(PdfReportWriter pdf, IAuditReader reader, AuditQuery query, CancellationToken cancellationToken)
    {
        pdf.BeginTable([new("Process", 2.4), new("Step", 1.6), new("Slot", 0.8), new("Registration", 5), new("Result", 2.2)]);
        await foreach (var (process, steps, registrations, outcome) in ReadAsync(reader, query, cancellationToken))
        {
            pdf.Row(
            [
                new PdfCell(process.Name, Bold: true), "", "",
                $"Started {ReportEndpoints.Time(process.OccurredAt)} by {process.CreatedBy ?? "(no user)"}" + (process.RequestEventId is { } request ? $", request {request}" : ""),
                Badge(outcome.Outcome),
            ]);
            foreach (var step in steps.OrderBy(s => s.Order))
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
                    pdf.Row(slot < made.Count
                        ? ["", "", label, $"{made[slot].Name}: {made[slot].Description}", new PdfCell(made[slot].Success ? "SUCCESS" : "FAILURE", made[slot].Success ? Green : Red, Bold: true)]
                        : ["", "", label, "", new PdfCell("NO REGISTRATION", Red, Bold: true)]);
                }
            }
        }
    }

    /// <summary>A line per step (a process without steps: one line with the step columns empty).</summary>
    public static async Task CsvAsync(Stream output, IAuditReader reader, AuditQuery query, CancellationToken cancellationToken)
    {
        await using var text = RowExport.Writer(output);
        await text.WriteAsync(Csv.Line(["process_id", "process", "started_at", "created_by", "process_outcome", "step", "step_order", "expected", "succeeded", "failed", "step_outcome"]));
        await foreach (var (process, _, _, outcome) in ReadAsync(reader, query, cancellationToken))
        {
            object?[] head = [process.Id, process.Name, process.OccurredAt, process.CreatedBy, outcome.Outcome];
            foreach (var step in outcome.Steps.DefaultIfEmpty())
            {
                await text.WriteAsync(Csv.Line(step is null ? [.. head, null, null, null, null, null, null]
                    : [.. head, step.Name, step.Order, step.ExpectedRegistrations, step.Succeeded, step.Failed, step.Outcome]));
            }
        }
    }

    /// <summary>An array of processes, each with its columns, its outcome and its steps' outcomes.</summary>
    public static async Task JsonAsync(Stream output, IAuditReader reader, AuditQuery query, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, AuditRecordJson.WriterOptions);
        writer.WriteStartArray();
        await foreach (var (process, _, _, outcome) in ReadAsync(reader, query, cancellationToken))
        {
            writer.WriteStartObject();
            writer.WriteString("id", process.Id);
            writer.WriteString("name", process.Name);
            writer.WriteString("startedAt", process.OccurredAt);
            writer.WriteString("createdBy", process.CreatedBy);
            writer.WriteString("outcome", outcome.Outcome.ToString());
            writer.WriteStartArray("steps");
            foreach (var step in outcome.Steps)
            {
                writer.WriteStartObject();
                writer.WriteString("name", step.Name);
                writer.WriteNumber("order", step.Order);
                writer.WriteNumber("expected", step.ExpectedRegistrations);
                writer.WriteNumber("succeeded", step.Succeeded);
                writer.WriteNumber("failed", step.Failed);
                writer.WriteString("outcome", step.Outcome.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Each process of the period (of the user and tenant when the query names them) with its steps, its registrations by step, and its outcome; steps and registrations are held in memory, processes are streamed.</summary>
    internal static async IAsyncEnumerable<(ProcessAuditEvent Process, List<StepAuditEvent> Steps, Dictionary<Guid, List<RegistrationAuditEvent>> Registrations, ProcessOutcome Outcome)> ReadAsync(
        IAuditReader reader, AuditQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var steps = new Dictionary<Guid, List<StepAuditEvent>>();
        await foreach (var step in reader.StreamAsync<StepAuditEvent>(query.From, query.To, query.Tenant, cancellationToken))
        {
            (steps.TryGetValue(step.ProcessId, out var list) ? list : steps[step.ProcessId] = []).Add(step);
        }

        var registrations = new Dictionary<Guid, List<RegistrationAuditEvent>>();
        await foreach (var registration in reader.StreamAsync<RegistrationAuditEvent>(query.From, null, query.Tenant, cancellationToken))
        {
            (registrations.TryGetValue(registration.StepId, out var list) ? list : registrations[registration.StepId] = []).Add(registration);
        }

        await foreach (var process in reader.StreamAsync<ProcessAuditEvent>(query.From, query.To, query.Tenant, cancellationToken))
        {
            if (query.UserId is not null && !string.Equals(query.UserId, process.CreatedBy, StringComparison.Ordinal))
            {
                continue;
            }

            var processSteps = steps.GetValueOrDefault(process.Id) ?? [];
            yield return (process, processSteps, registrations, ProcessOutcome.Evaluate(processSteps, processSteps.SelectMany(s => registrations.GetValueOrDefault(s.Id) ?? [])));
        }
    }

    private static PdfCell Badge(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Succeeded => new PdfCell("SUCCEEDED", Green, Bold: true),
        AuditOutcome.Failed => new PdfCell("FAILED", Red, Bold: true),
        _ => new PdfCell("INCOMPLETE", Amber, Bold: true),
    };
}
