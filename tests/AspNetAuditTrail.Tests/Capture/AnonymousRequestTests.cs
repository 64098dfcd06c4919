using System.Security.Claims;
using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Tests.Writing;
using AspNetAuditTrail.Writing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AspNetAuditTrail.Tests.Capture;

/// <summary>The middleware reads the request's user without making one: an anonymous request costs no principal.</summary>
public sealed class AnonymousRequestTests : IAsyncDisposable
{
    private readonly string _journal = Directory.CreateTempSubdirectory("audit-anonymous-").FullName;
    private readonly ServiceProvider _services;

    public AnonymousRequestTests() => _services = new ServiceCollection()
        .AddSingleton<IHostEnvironment>(new HostingEnvironment { ApplicationName = "tests" })
        .AddAuditTrail(o =>
        {
            o.JournalFolder = _journal;
            o.RequestAuditUrls = ["^/api/"];
        })
        .UseStore(_ => new RecordingStore(), "memory://recording")
        .Services.BuildServiceProvider();

    [Fact]
    public async Task AnAnonymousRequestIsRecordedWithoutAPrincipalMadeForIt()
    {
        var (row, context) = await AuditAsync(user: null);

        Assert.Equal((null, null, 200), (row.UserId, row.TenantId, row.StatusCode));
        Assert.Null(context.Features.Get<IHttpAuthenticationFeature>());
    }

    [Fact]
    public async Task ASignedInUsersIdAndTenantComeFromTheirClaims()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u-7"), new Claim("tenant_id", "acme")], "test");

        var (row, _) = await AuditAsync(new ClaimsPrincipal(identity));

        Assert.Equal(("u-7", "acme"), (row.UserId, row.TenantId));
    }

    private async Task<(Events.RequestAuditEvent Row, HttpContext Context)> AuditAsync(ClaimsPrincipal? user)
    {
        using var scope = _services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = "/api/products/7";
        if (user is not null)
        {
            context.User = user;
        }

        var middleware = ActivatorUtilities.CreateInstance<RequestAuditMiddleware>(_services, (RequestDelegate)(c =>
        {
            c.Response.StatusCode = 200;
            return Task.CompletedTask;
        }));
        await middleware.InvokeAsync(context);

        var queue = _services.GetRequiredService<AuditQueue>();
        Assert.True(queue.TryRead(out var unit, out _));
        return (unit.Request!, context);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_journal, recursive: true);
    }
}
