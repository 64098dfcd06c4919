using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// The sample app on a test server, auditing into the test's database (any dialect). Tests may send <c>X-Test-User</c>
/// (signs the request in as that user id; without it the sample's bearer tokens apply) and <c>X-Test-Remote-Ip</c> (the connection's address).
/// Disposing it stops the host, which drains the audit queue.
/// </summary>
public sealed class SampleApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public SampleApp(AuditDatabase database, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Database = database;
        _services = services;
        _settings = database.AppSettings();
        _settings["AuditTrail:FlushInterval"] = "00:00:00.050";
        _settings["AuditTrail:JournalFolder"] = JournalFolder;
        _settings["AuditTrail:Integrity:CheckpointFolder"] = CheckpointFolder;
        _settings["ConnectionStrings:Shop"] = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("sample-shop-").FullName, "shop.db")}";
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public AuditDatabase Database { get; }

    /// <summary>This instance's own journal folder, so that no test replays another's journal.</summary>
    public string JournalFolder { get; } = Directory.CreateTempSubdirectory("audit-journal-").FullName;

    /// <summary>This instance's own checkpoint folder (the sample signs checkpoints with its demo keys).</summary>
    public string CheckpointFolder { get; } = Directory.CreateTempSubdirectory("audit-checkpoints-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestConnectionStartupFilter>();
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
            services.Configure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = TestAuthHandler.SchemeName);
            _services?.Invoke(services);
        });
    }

    /// <summary>Stops the app (draining the audit queue) and returns the request rows, oldest first.</summary>
    public async Task<List<IDictionary<string, object?>>> DrainAsync()
    {
        await DisposeAsync();
        return Database.RequestRows();
    }

    private sealed class TestConnectionStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Remote-Ip", out var ip))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Test";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-User", out var user))
            {
                // Without the test header, the sample's own bearer tokens decide.
                return Context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.ToString())], SchemeName);
            if (Request.Headers.TryGetValue("X-Test-Tenant", out var tenant))
            {
                // "globex" or "globex/finance": a tenant, and a second level inside it.
                var parts = tenant.ToString().Split('/', 2);
                identity.AddClaim(new Claim("tenant_id", parts[0]));
                if (parts.Length == 2)
                {
                    identity.AddClaim(new Claim("subtenant_id", parts[1]));
                }
            }

            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
