using System.Net;
using System.Security.Claims;
using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Login and access rows from ASP.NET Core's own sign-in and authorization paths, with no URL settings.</summary>
public abstract class AuthenticationHookTests(AuditDatabase database) : DatabaseTest(database)
{
    private Task<WebApplication> StartCookieAppAsync(bool auditAccessGranted = false, Action<IServiceCollection>? custom = null, bool customFirst = false) => MinimalHost.StartAsync(
        Database,
        app =>
        {
            app.UseRequestAudit();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapPost("/account/login", async (HttpContext context) =>
            {
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u-17"), new Claim(ClaimTypes.Name, "dana")], "Cookies");
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
                return Results.Ok();
            });
            app.MapPost("/account/logout", async (HttpContext context) =>
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.Ok();
            }).RequireAuthorization();
            app.MapGet("/account/me", (HttpContext context) => context.User.Identity!.Name).RequireAuthorization();
            app.MapGet("/private/me", (HttpContext context) => context.User.Identity!.Name).RequireAuthorization();
        },
        builder =>
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            builder.Services.AddAuthorization();
            builder.Services.Configure<AspNetAuditTrail.Configuration.AuditTrailOptions>(o =>
            {
                o.RequestAuditUrls = ["^/account/"];
                o.AuditAccessGranted = auditAccessGranted;
            });
            if (!customFirst)
            {
                custom?.Invoke(builder.Services);
            }
        },
        builder =>
        {
            if (customFirst)
            {
                custom?.Invoke(builder.Services);
            }
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheAppsOwnAuthenticationServiceAndResultHandlerAreDecoratedWhicheverOrderTheyWereRegisteredIn(bool registeredFirst)
    {
        var calls = new CustomCalls();
        await using var app = await StartCookieAppAsync(custom: services =>
        {
            services.AddSingleton(calls);
            services.AddScoped<IAuthenticationService, CountingAuthenticationService>();
            services.AddSingleton<IAuthorizationMiddlewareResultHandler, HeaderResultHandler>();
        }, customFirst: registeredFirst);
        var client = app.GetTestClient();

        var cookie = await CookieAsync(client);
        var forbidden = await client.GetAsync("/account/me", Token);
        await app.StopAsync(Token);

        Assert.True(calls.SignIns >= 1, "the app's own authentication service was bypassed");
        Assert.Equal(["custom"], forbidden.Headers.GetValues("X-Result-Handler"));
        var logins = Database.Query($"SELECT * FROM {Database.Table("login_audit_event")}");
        Assert.Equal(("SignIn", "dana"), ((string)Assert.Single(logins)["status"]!, (string)logins[0]["user_name"]!));
        var denied = Assert.Single(Database.Query($"SELECT * FROM {Database.Table("security_audit_event")}"));
        Assert.Equal("AccessDenied", denied["event_type"]);
        Assert.NotEmpty(cookie);
    }

    private sealed class CustomCalls
    {
        public int SignIns;
    }

    /// <summary>An app's own authentication service: ASP.NET Core's, counting sign-ins.</summary>
    private sealed class CountingAuthenticationService(IServiceProvider services, CustomCalls calls) : IAuthenticationService
    {
        private readonly AuthenticationService _inner = ActivatorUtilities.CreateInstance<AuthenticationService>(services);

        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => _inner.AuthenticateAsync(context, scheme);

        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => _inner.ChallengeAsync(context, scheme, properties);

        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => _inner.ForbidAsync(context, scheme, properties);

        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties)
        {
            Interlocked.Increment(ref calls.SignIns);
            return _inner.SignInAsync(context, scheme, principal, properties);
        }

        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => _inner.SignOutAsync(context, scheme, properties);
    }

    /// <summary>An app's own result handler: answers 401/403 itself, with a header.</summary>
    private sealed class HeaderResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Succeeded)
            {
                return _default.HandleAsync(next, context, policy, authorizeResult);
            }

            context.Response.Headers["X-Result-Handler"] = "custom";
            context.Response.StatusCode = 401;
            return Task.CompletedTask;
        }
    }

    private static async Task<string> CookieAsync(HttpClient client)
    {
        var response = await client.PostAsync("/account/login", null, Token);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request, Token);
    }

    [Fact]
    public async Task CookieSignInAndSignOutAreLoginRowsOfTheirRequests()
    {
        await using var app = await StartCookieAppAsync();
        var client = app.GetTestClient();

        var cookie = await CookieAsync(client);
        var logout = await SendAsync(client, HttpMethod.Post, "/account/logout", cookie);
        await app.StopAsync(Token);

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        var requests = Database.RequestRows().ToDictionary(r => (string)r["path"]!);
        var logins = Database.Query($"SELECT * FROM {Database.Table("login_audit_event")} ORDER BY occurred_at, id");
        Assert.Equal(
            [("SignIn", "dana", "u-17", requests["/account/login"]["id"]), ("SignOut", "dana", "u-17", requests["/account/logout"]["id"])],
            logins.Select(l => ((string)l["status"]!, (string)l["user_name"]!, (string)l["user_id"]!, l["request_event_id"])));
        Assert.All(logins, l => Assert.Equal("""{"scheme":"Cookies"}""", l["extra_information"]));
        Assert.DoesNotContain(cookie.Split('=')[1], string.Join("|", requests.Values.SelectMany(r => r.Values).OfType<string>()));
    }

    [Fact]
    public async Task AccessGrantedIsOffByDefault()
    {
        await using var app = await StartCookieAppAsync();
        var client = app.GetTestClient();

        var cookie = await CookieAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "/account/me", cookie)).StatusCode);
        await app.StopAsync(Token);

        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Table("security_audit_event")}"));
    }

    [Fact]
    public async Task AccessGrantedCanBeTurnedOn()
    {
        await using var app = await StartCookieAppAsync(auditAccessGranted: true);
        var client = app.GetTestClient();

        var cookie = await CookieAsync(client);
        await SendAsync(client, HttpMethod.Get, "/account/me", cookie);
        await app.StopAsync(Token);

        var granted = Assert.Single(Database.Query($"SELECT * FROM {Database.Table("security_audit_event")}"));
        Assert.Equal(("AccessGranted", "Info", "u-17", "GET /account/me"),
            ((string)granted["event_type"]!, (string)granted["severity"]!, (string)granted["user_id"]!, (string)granted["endpoint"]!));
    }

    [Fact]
    public async Task AChallengeOnANonAuditedPathIsStillRecordedOnItsOwn()
    {
        await using var app = await StartCookieAppAsync();
        var client = new HttpClient(app.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://localhost") };

        var response = await client.GetAsync("/private/me", Token);
        await app.StopAsync(Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(Database.RequestRows());
        var denied = Assert.Single(Database.Query($"SELECT * FROM {Database.Table("security_audit_event")}"));
        Assert.Equal(("AccessDenied", "Info", "GET /private/me"), ((string)denied["event_type"]!, (string)denied["severity"]!, (string)denied["endpoint"]!));
        Assert.Null(denied["request_event_id"]);
    }
}
