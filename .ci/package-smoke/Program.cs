// A throwaway app built against the packed packages (not the projects): it records one request into SQLite and
// exits 0 only when the row is in the database.
using Microsoft.Data.Sqlite;

var folder = Directory.CreateTempSubdirectory("audit-package-smoke-").FullName;
var database = Path.Combine(folder, "audit.db");
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddAuditTrail(options =>
    {
        options.JournalFolder = Path.Combine(folder, "journal");
        options.FlushInterval = TimeSpan.FromMilliseconds(50);
    })
    .UseSqlite($"Data Source={database}");

var app = builder.Build();
app.UseRequestAudit();
app.MapGet("/api/ping", () => "pong");
await app.StartAsync();

using (var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) })
{
    var answer = await client.GetStringAsync("/api/ping?from=package-smoke");
    if (answer != "pong")
    {
        Console.Error.WriteLine($"package smoke: unexpected answer '{answer}'");
        return 1;
    }
}

await app.StopAsync();
await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
await connection.OpenAsync();
await using var command = connection.CreateCommand();
command.CommandText = "SELECT count(*) FROM request_audit_event WHERE path = '/api/ping' AND query_string = 'from=package-smoke'";
var rows = (long)(await command.ExecuteScalarAsync())!;
Console.WriteLine($"package smoke: {rows} row(s) recorded through the packed packages");
return rows == 1 ? 0 : 1;
