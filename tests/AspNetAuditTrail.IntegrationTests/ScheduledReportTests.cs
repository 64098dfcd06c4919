using System.Globalization;
using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Reports e-mailed on a schedule through a real SMTP server, and scheduled suspicious-activity detection, in the sample.</summary>
public sealed class ScheduledReportTests() : DatabaseTest(new SqliteAuditDatabase())
{
    [Fact]
    public async Task ADailyReportArrivesByEmailWithItsPdfAttached()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(6);
        if (at.UtcDateTime.Date != DateTime.UtcNow.Date)
        {
            Assert.Skip("Too close to midnight (UTC) to schedule a report a few seconds ahead today.");
        }

        await using var app = new SampleApp(Database, new()
        {
            ["AuditTrail:Reports:Host"] = "127.0.0.1",
            ["AuditTrail:Reports:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["AuditTrail:Reports:Security"] = "None",
            ["AuditTrail:Reports:From"] = "audit@example.com",
            ["AuditTrail:Reports:Schedules:0:Kind"] = "Statistics",
            ["AuditTrail:Reports:Schedules:0:Every"] = "Daily",
            ["AuditTrail:Reports:Schedules:0:At"] = at.UtcDateTime.TimeOfDay.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
            ["AuditTrail:Reports:Schedules:0:To:0"] = "compliance@example.com",
        });
        var client = app.CreateClient();
        for (var i = 0; i < 7; i++)
        {
            await client.GetAsync("/api/products", Token);
        }

        var messages = await WaitForAsync(() => smtp.Messages, 1, TimeSpan.FromSeconds(60));

        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Assert.Single(messages))), Token);
        Assert.StartsWith("[audit] Statistics report, ", message.Subject);
        Assert.Equal("compliance@example.com", message.To.Mailboxes.Single().Address);
        var attachment = (MimePart)Assert.Single(message.Attachments);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        Assert.EndsWith(".pdf", attachment.FileName);
        using var pdfBytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdfBytes, Token);
        using var pdf = PdfDocument.Open(pdfBytes.ToArray());
        var text = string.Join("\n", pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
        Assert.Contains("Statistics report", text);
        Assert.Contains("Pulled by the report schedule", text);
        Assert.Contains("Requests: 7", text);
        Assert.Contains("Integrity: verified", text);
    }

    [Fact]
    public async Task ScheduledDetectionAlertsEachNewIncidentOnce()
    {
        var sink = new RecordingAlertSink();
        await using var app = new SampleApp(Database, new() { ["AuditTrail:Suspicious:DetectionInterval"] = "00:00:01", ["AuditTrail:Suspicious:ForbiddenThreshold"] = "5" },
            services => services.AddSingleton<IAuditAlertSink>(sink));
        var client = app.CreateClient();
        var bob = await DemoUsers.TokenAsync(client, "bob");
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.GetAsAsync("/api/admin/ping", bob)).StatusCode);
        }

        await WaitForAsync(() => sink.Alerts.ToArray(), 1, TimeSpan.FromSeconds(30));
        await Task.Delay(3000, Token); // three more runs over the same rows
        var alert = Assert.Single(sink.Alerts);
        Assert.Equal(Events.SecurityEventType.SuspiciousActivity, alert.EventType);
        Assert.StartsWith("ManyForbidden: 6 requests of user bob refused with 403", alert.Details);
    }

    private static async Task<T[]> WaitForAsync<T>(Func<T[]> read, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (read().Length < count && DateTime.UtcNow < until)
        {
            await Task.Delay(200, Token);
        }

        Assert.True(read().Length >= count, $"{read().Length} of {count} after {timeout}");
        return read();
    }
}
