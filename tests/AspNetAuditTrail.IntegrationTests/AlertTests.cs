using System.Net;
using System.Net.Http.Json;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>A brute force on the sample reaches people once: one e-mail through a real SMTP server, one webhook call (after a retry), however many attempts.</summary>
public sealed class AlertTests() : DatabaseTest(new SqliteAuditDatabase())
{
    [Fact]
    public async Task ABruteForceSendsOneEmailAndOneWebhookCallPerIncident()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var hook = new HttpListener();
        var hookPort = FreePort();
        hook.Prefixes.Add($"http://127.0.0.1:{hookPort}/");
        hook.Start();
        var calls = new List<string>();
        _ = Task.Run(async () =>
        {
            while (hook.IsListening)
            {
                var context = await hook.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream);
                lock (calls)
                {
                    calls.Add(reader.ReadToEnd());
                    // The first call fails: the sink tries again.
                    context.Response.StatusCode = calls.Count == 1 ? 500 : 200;
                }

                context.Response.KeepAlive = false;
                context.Response.ContentLength64 = 0;
                context.Response.Close();
            }
        }, Token);

        await using var app = new SampleApp(Database, new()
        {
            ["AuditTrail:BruteForceThreshold"] = "3",
            ["AuditTrail:Alerts:Email:Host"] = "127.0.0.1",
            ["AuditTrail:Alerts:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AuditTrail:Alerts:Email:Security"] = "None",
            ["AuditTrail:Alerts:Email:From"] = "audit@example.com",
            ["AuditTrail:Alerts:Email:To:0"] = "security@example.com",
            ["AuditTrail:Alerts:Webhook:Url"] = $"http://127.0.0.1:{hookPort}/hook",
            ["AuditTrail:Alerts:Webhook:Format"] = "Slack",
        });
        var client = app.CreateClient();
        for (var i = 0; i < 12; i++)
        {
            var refused = await client.PostAsJsonAsync("/api/token", new { username = "alice", password = "guess-" + i }, Token);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // The webhook's second call comes after the sink's 1 s back-off; give a loaded machine time.
        int Calls()
        {
            lock (calls)
            {
                return calls.Count;
            }
        }

        for (var i = 0; i < 300 && (smtp.Messages.Length == 0 || Calls() < 2); i++)
        {
            await Task.Delay(100, Token);
        }

        await Task.Delay(1500, Token);
        var mail = Assert.Single(smtp.Messages);
        Assert.Contains("Subject: [audit] Critical SuspiciousActivity: alice from", mail, StringComparison.Ordinal);
        Assert.Contains("To: security@example.com", mail, StringComparison.Ordinal);
        Assert.Contains("repeated failed sign-ins", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("guess-", mail, StringComparison.Ordinal);
        lock (calls)
        {
            Assert.Equal(2, calls.Count);
            Assert.Equal(calls[0], calls[1]);
            Assert.StartsWith("{\"text\":\"*[audit] Critical SuspiciousActivity: alice", calls[1], StringComparison.Ordinal);
        }

        hook.Stop();
    }

    [Fact]
    public async Task AWebhookOverPlainHttpToAnotherHostIsRefusedAtStartUp()
    {
        await using var app = new SampleApp(Database, new() { ["AuditTrail:Alerts:Webhook:Url"] = "http://hooks.example.com/x" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("AuditTrail:Alerts:Webhook:Url must be an https address", error.ToString(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
