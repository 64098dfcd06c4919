using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary><c>audit-trail report</c> as a process, over the seeded day of <see cref="InsightData"/> in a real database.</summary>
public abstract class CliReportTests(AuditDatabase database) : DatabaseTest(database)
{
    private string[] Store => ["--provider", Database.Provider.ToLowerInvariant(), "--connection", Database.ConnectionString];

    private static string[] Day => ["--from", "2026-11-18T00:00:00Z", "--to", "2026-11-19T00:00:00Z"];

    [Fact]
    public async Task TheStatisticsReportAsJsonHoldsTheSeededFigures()
    {
        await SeedAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("audit-report-").FullName, "statistics.json");

        var (code, output, error) = await CliProcess.RunAsync(null, ["report", .. Store, "--kind", "statistics", .. Day, "--format", "json", "--output", file]);

        Assert.True(code == 0, error);
        Assert.Contains("rows", output); // the progress line
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, Token));
        var root = json.RootElement;
        Assert.Equal(InsightData.Requests, root.GetProperty("requests").GetInt32());
        Assert.Equal(4, root.GetProperty("serverErrors").GetInt32());
        Assert.Equal(9, root.GetProperty("failedSignIns").GetInt32());
        Assert.Equal(0.1818, root.GetProperty("signInSuccessRate").GetDouble());
        Assert.Equal(25, root.GetProperty("usersWithMostFailures").GetProperty("mallory").GetInt32());
        Assert.Equal(3, root.GetProperty("businessEventsByCategory").GetProperty("orders").GetInt32());
        Assert.Equal("GET /api/reports", root.GetProperty("topEndpoints")[0].GetProperty("endpoint").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task TheSuspiciousReportAsPdfAndTheActivitiesAndProcessesAsCsv()
    {
        await SeedAsync();
        var folder = Directory.CreateTempSubdirectory("audit-report-").FullName;
        var pdf = Path.Combine(folder, "suspicious.pdf");
        var (code, _, error) = await CliProcess.RunAsync(null, ["report", .. Store, "--kind", "suspicious", .. Day, "--output", pdf]);
        Assert.True(code == 0, error);
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
            Assert.Contains("Suspicious-activity report", text);
            Assert.Contains("(audit-trail report)", text);
            Assert.Contains("Incidents: 6", text);
            Assert.Contains("victim", text);
        }

        var csv = Path.Combine(folder, "mallory.csv");
        (code, _, error) = await CliProcess.RunAsync(null, ["report", .. Store, "--kind", "activities", .. Day, "--user", "mallory", "--format", "csv", "--output", csv]);
        Assert.True(code == 0, error);
        var lines = await File.ReadAllLinesAsync(csv, Token);
        Assert.StartsWith("id,", lines[0]);
        Assert.Equal(25, lines.Length - 1);
        Assert.All(lines[1..], line => Assert.Contains(",403,", line));

        var processes = Path.Combine(folder, "processes.csv");
        (code, _, error) = await CliProcess.RunAsync(null, ["report", .. Store, "--kind", "processes", "--days", "3", "--format", "csv", "--output", processes]);
        Assert.True(code == 0, error);
        Assert.Equal("process_id,process,started_at,created_by,process_outcome,step,step_order,expected,succeeded,failed,step_outcome", (await File.ReadAllLinesAsync(processes, Token))[0]);
    }

    [Theory]
    [InlineData("--kind", "everything", "--kind must be")]
    [InlineData("--format", "docx", "--format must be")]
    [InlineData("--days", "0", "--days must be from 1 to 366")]
    public async Task BadArgumentsAreRefusedWithExitCode2(string option, string value, string message)
    {
        await SeedAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("audit-report-").FullName, "x");
        string[] arguments = option == "--kind" ? ["--kind", value] : ["--kind", "statistics", option, value];
        var (code, _, error) = await CliProcess.RunAsync(null, ["report", .. Store, .. arguments, "--output", file]);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(File.Exists(file));
    }

    private Task SeedAsync() => InsightData.SeedAsync(Database);
}
