using System.Globalization;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A test's integrity keys and checkpoint folder, the settings that turn integrity on with them, and verification with them.</summary>
internal sealed class IntegrityTrail : IDisposable
{
    public static readonly string ChainKey = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    public AuditSigningKey Signing { get; } = AuditSigningKey.Create();

    /// <summary>What the apps logged (warnings and errors).</summary>
    public ListLoggerProvider Logs { get; } = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("audit-checkpoints-").FullName;

    public Dictionary<string, string?> Settings(int checkpointEveryRows = 10) => new()
    {
        ["AuditTrail:Integrity:Enabled"] = "true",
        ["AuditTrail:Integrity:ChainKey"] = ChainKey,
        ["AuditTrail:Integrity:SigningKey"] = Signing.ExportPrivateKey(),
        ["AuditTrail:Integrity:CheckpointFolder"] = Folder,
        ["AuditTrail:Integrity:CheckpointEveryRows"] = checkpointEveryRows.ToString(CultureInfo.InvariantCulture),
        ["AuditTrail:BatchSize"] = "25",
    };

    /// <summary>Runs the sample app with integrity on: a few requests, then the units through its pipeline, then a stop (which signs the final checkpoint).</summary>
    public async Task WriteAsync(AuditDatabase database, IEnumerable<AuditUnit> units, Dictionary<string, string?>? more = null, Func<Task>? whileRunning = null)
    {
        var settings = Settings();
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        await using var app = new SampleApp(database, settings, services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync($"/api/products/1?n={i}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        var ingest = app.Services.GetRequiredService<IAuditIngest>();
        foreach (var unit in units)
        {
            Assert.True(await ingest.EnqueueAsync(unit, TestContext.Current.CancellationToken));
        }

        await ingest.FlushAsync(TestContext.Current.CancellationToken);
        if (whileRunning is not null)
        {
            await whileRunning();
        }
    }

    public async Task<AuditVerification> VerifyAsync(AuditDatabase database, AuditVerifyScope? scope = null)
    {
        using var verifier = new AuditVerifier([Convert.FromBase64String(ChainKey)], [Signing.PublicKey]);
        return await verifier.VerifyAsync((IAuditIntegrityReader)database.CreateStore(), [Folder], scope ?? new AuditVerifyScope(), null, TestContext.Current.CancellationToken);
    }

    /// <summary>Deletes a folder of checkpoints (their files are read-only).</summary>
    public static void DeleteFolder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(folder, recursive: true);
    }

    public void Dispose()
    {
        Signing.Dispose();
        DeleteFolder(Folder);
    }
}
