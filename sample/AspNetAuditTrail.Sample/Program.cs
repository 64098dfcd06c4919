using System.Security.Cryptography;
using AspNetAuditTrail;
using AspNetAuditTrail.Reports;
using AspNetAuditTrail.Sample;
using AspNetAuditTrail.Sample.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

// The audit trail: settings from the "AuditTrail" section; the store by AuditTrail:Provider (Sqlite, the default,
// writing audit.db; PostgreSql; SqlServer; Collector, forwarding to the sample collector at AuditTrail:Collector:Url
// as sample-api, signed with the demo key; NatsJetStream, publishing to the stream on AuditTrail:Nats:Url) and
// AuditTrail:ConnectionString.
var auditSettings = builder.Configuration.GetSection("AuditTrail");
var audit = builder.Services.AddAuditTrail(auditSettings).AddProcessAudit<CreateProductProcessAudit>();
var forwarding = auditSettings["Provider"]?.ToUpperInvariant() is "COLLECTOR" or "NATSJETSTREAM";
_ = (auditSettings["Provider"] ?? "Sqlite").ToUpperInvariant() switch
{
    "SQLITE" => audit.UseSqlite(),
    "POSTGRESQL" => audit.UsePostgreSql(),
    "SQLSERVER" => audit.UseSqlServer(),
    "COLLECTOR" => audit.UseCollector(o =>
    {
        o.ServiceName ??= "sample-api";
        o.PrivateKeyPath ??= "../keys/sample-api.private.pem";
    }),
    "NATSJETSTREAM" => audit.UseNatsJetStream(o => o.Subject ??= $"audit.{auditSettings["ServiceName"] ?? "sample-api"}"),
    _ => throw new InvalidOperationException(
        $"AuditTrail:Provider '{auditSettings["Provider"]}' is not one of Sqlite, PostgreSql, SqlServer, Collector, NatsJetStream."),
};

// Writing its own database, the sample hands its signed checkpoints to the collector when one is set
// (AuditTrail:Collector:Url): the collector keeps them where the sample's database users cannot reach.
if (!forwarding && auditSettings["Collector:Url"] is { Length: > 0 })
{
    audit.SendCheckpointsToCollector(o =>
    {
        o.ServiceName ??= "sample-api";
        o.PrivateKeyPath ??= "../keys/sample-api.private.pem";
    });
}

// Suspicious activity by e-mail and to a webhook, when AuditTrail:Alerts:Email or AuditTrail:Alerts:Webhook is set.
if (auditSettings.GetSection("Alerts:Email").Exists())
{
    audit.AddEmailAlerts();
}

if (auditSettings.GetSection("Alerts:Webhook").Exists())
{
    audit.AddWebhookAlerts();
}

// The suspicious-activity rules (AuditTrail:Suspicious), checked every 4 hours; reports e-mailed on a schedule when
// AuditTrail:Reports is set.
audit.AddSuspiciousActivityDetection();
if (auditSettings.GetSection("Reports").Exists())
{
    audit.AddScheduledReports();
}

// The products live in the sample's own SQLite database (ConnectionStrings:Shop); every save is recorded, before
// and after, in entity_change_audit_event, in the unit of the request that made it.
builder.Services.AddDbContext<ShopDbContext>((services, options) => options
    .UseSqlite(builder.Configuration.GetConnectionString("Shop") ?? "Data Source=shop.db")
    .AddAuditTrail(services));
builder.Services.AddScoped<ProductCatalog>();

// Behind a reverse proxy, trust X-Forwarded-For only from known proxies (loopback by default).
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddAuditTrail();

// Demo sign-in: POST /api/token issues a JWT for alice or bob; bearer tokens authenticate the other calls.
builder.Services.AddSingleton<DemoUsers>();
builder.Services.AddSingleton<TokenIssuer>();
builder.Services.AddSingleton<IAuditAlertSink, LoggingAlertSink>();
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
    .Configure<TokenIssuer>((options, issuer) =>
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = TokenIssuer.Issuer,
            ValidAudience = TokenIssuer.Issuer,
            IssuerSigningKey = issuer.SigningKey,
            NameClaimType = "name",
            RoleClaimType = "role",
            ClockSkew = TimeSpan.FromSeconds(30),
        };

        // A browser cannot send a bearer header when it opens the admin page: it may send the token as a cookie.
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                if (string.IsNullOrEmpty(context.Request.Headers.Authorization) && context.Request.Cookies["access_token"] is { } token)
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
        };
    });
// The audit trail's admin endpoints need this policy: in the demo, the audit-admin role (alice).
// The tenant-viewer policy (carol's audit-viewer role) reads the same endpoints, limited to the user's tenant.
builder.Services.AddAuthorization(options =>
{
    options.AddPolicy(AuditTrailAdminPolicy.Name, policy => policy.RequireRole("audit-admin"));
    options.AddPolicy(AuditTrailTenantViewerPolicy.Name, policy => policy.RequireRole("audit-viewer"));
});
builder.Services.AddSingleton<OrderBook>();

// MVC controllers, with the audit filter on every action (it records what the action did on the row).
builder.Services.AddControllers(options => options.AddAuditFilter());

var app = builder.Build();
using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<ShopDbContext>().Database.EnsureCreated();
}

app.UseForwardedHeaders();
app.UseRequestAudit();
app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

// A sign-in URL (AuditTrail:AuthUrls): 200 makes a SignIn row, 401 a Failed one; the password is masked.
app.MapPost("/api/token", (TokenRequest request, DemoUsers users, TokenIssuer issuer, IAuditContext audit) =>
{
    if (users.Check(request.Username, request.Password) is not { } user)
    {
        return Results.Unauthorized();
    }

    audit.UserId = user.Id;
    return Results.Ok(new { access_token = issuer.Issue(user, TimeSpan.FromHours(1)), token_type = "Bearer", expires_in = 3600 });
});
app.MapPost("/api/logout", () => Results.NoContent()).RequireAuthorization();
app.MapGet("/api/admin/ping", (HttpContext context) => $"pong, {context.User.Identity?.Name}")
    .RequireAuthorization(policy => policy.RequireRole("admin"));

app.MapControllers();

// Admin: query API, CSV/JSON export, PDF reports and the admin page under /audit, for the audit-admin role (when
// the trail goes to a collector, they live on the collector).
if (!forwarding)
{
    app.MapAuditTrailAdmin("/audit");
}

// Minimal APIs: .WithAudit() records what each handler did on the row.
var products = app.MapGroup("/api/products").WithAudit();
products.MapGet("/", (ProductCatalog catalog) => catalog.All);
products.MapGet("/{id:int}", (int id, ProductCatalog catalog) =>
    catalog.Find(id) is { } product ? Results.Ok(product) : Results.NotFound());
products.MapPost("/", (CreateProductRequest request, ProductCatalog catalog, CreateProductProcessAudit process, IAuditContext audit) =>
{
    audit.Set("productCode", request.Code);
    return CreateProduct(request, catalog, process, audit);
});

// Several products in one request: one process each, all linked to the request's row.
products.MapPost("/batch", (CreateProductRequest[] requests, ProductCatalog catalog, IServiceProvider services, IAuditContext audit) =>
    Results.Ok(requests
        .Select(request => CreateProduct(request, catalog, ActivatorUtilities.CreateInstance<CreateProductProcessAudit>(services), audit))
        .Select(result => (result as IStatusCodeHttpResult)?.StatusCode)
        .ToArray()));
products.MapPut("/{id:int}", (int id, UpdateProductRequest request, ProductCatalog catalog) =>
    request.Errors() is { Count: > 0 } errors ? Results.ValidationProblem(errors)
    : catalog.Update(id, request.Name!, request.Price) is { } product ? Results.Ok(product)
    : Results.NotFound());
products.MapDelete("/{id:int}", (int id, ProductCatalog catalog, IAuditLog log) =>
{
    var removed = catalog.Remove(id);
    var recorded = log.Event("product.delete", $"Product {id} deleted").On("product", id);
    if (removed)
    {
        recorded.Succeeded();
        return Results.NoContent();
    }

    recorded.Level(AspNetAuditTrail.Events.AuditLevel.Warning).Failed("not_found", $"No product {id}");
    return Results.NotFound();
});

// Streams an upload of any size: the audit keeps at most MaxBodySize bytes of a text body, nothing of a binary one.
app.MapPost("/api/uploads", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    var buffer = new byte[81920];
    long total = 0;
    int read;
    while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
    {
        sha.AppendData(buffer, 0, read);
        total += read;
    }

    return Results.Ok(new { bytes = total, sha256 = Convert.ToHexStringLower(sha.GetHashAndReset()) });
}).WithMetadata(new DisableRequestSizeLimitAttribute());

app.MapGet("/api/boom", (HttpContext context) =>
{
    context.GetAuditContext().Set("step", "before the failure");
    throw new InvalidOperationException("Boom: a demonstration failure.");
});

// A URL outside /api/, audited anyway by .WithAudit(), with its request body always kept.
app.MapPost("/webhooks/payments", (PaymentNotification notification, IAuditContext audit) =>
{
    audit.Set("paymentId", notification.PaymentId);
    return Results.Accepted();
}).WithAudit(audit => audit.RequestBody = AuditBodyMode.Capture);

app.MapGet("/api/ping", () => "pong").SkipAudit();
// Not under /api/: not audited. Unhealthy (503) while audit events are being lost; Degraded while they wait in the journal.
app.MapHealthChecks("/health");

app.Run();

// Validates and saves a product, auditing each step; an exception while saving is registered, then rethrown.
static IResult CreateProduct(CreateProductRequest request, ProductCatalog catalog, CreateProductProcessAudit process, IAuditContext audit)
{
    var codeErrors = request.CodeErrors();
    var dataErrors = request.DataErrors();
    process.CodeChecked(request.Code, codeErrors);
    process.DataChecked(dataErrors.Values.SelectMany(e => e).ToArray());
    if (codeErrors.Length > 0 || dataErrors.Count > 0)
    {
        var errors = new Dictionary<string, string[]>(dataErrors);
        if (codeErrors.Length > 0)
        {
            errors["code"] = codeErrors;
        }

        audit.Set("validationErrors", errors);
        return Results.ValidationProblem(errors);
    }

    try
    {
        var product = catalog.Add(request.Code!, request.Name!, request.Price);
        process.Saved(product);
        audit.Set("productId", product.Id);
        return TypedResults.Created($"/api/products/{product.Id}", product);
    }
    catch (InvalidOperationException ex)
    {
        process.SaveFailed(ex);
        throw;
    }
}

/// <summary>The sample's entry point (public for the integration tests).</summary>
public partial class Program;
