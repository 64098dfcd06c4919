using System.Text;
using AspNetAuditTrail.Reports;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

// The sample collector: one audit service for many APIs. Services send signed batches to /events; people read the
// trail on the admin page (/audit) with a token from the sample API (alice has the audit-admin role).
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5090");
}

// The store, as in the sample API: AuditTrail:Provider (Sqlite, the default, into collector.db in this folder;
// PostgreSql; SqlServer) and AuditTrail:ConnectionString.
var auditSettings = builder.Configuration.GetSection("AuditTrail");
var connectionString = auditSettings["ConnectionString"] ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "collector.db")}";
var audit = builder.Services.AddAuditTrail(auditSettings);
_ = (auditSettings["Provider"] ?? "Sqlite").ToUpperInvariant() switch
{
    "SQLITE" => audit.UseSqlite(connectionString),
    "POSTGRESQL" => audit.UsePostgreSql(connectionString),
    "SQLSERVER" => audit.UseSqlServer(connectionString),
    _ => throw new InvalidOperationException($"AuditTrail:Provider '{auditSettings["Provider"]}' is not one of Sqlite, PostgreSql, SqlServer."),
};

// Who may send: AuditTrailCollector:Services (demo: sample-api with the demo key in ../keys/).
builder.Services.AddAuditTrailCollector(builder.Configuration.GetSection("AuditTrailCollector"));

// And, when AuditTrailCollector:Nats:Url is set, what the APIs publish to NATS JetStream (stream AUDIT, consumer
// audit-collectors, created when missing): any number of collectors share the work.
if (builder.Configuration["AuditTrailCollector:Nats:Url"] is { Length: > 0 })
{
    builder.Services.ConsumeNatsJetStream();
}

// People: the sample API's demo tokens (same demo signing key), for the admin page and the reading endpoints.
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
{
    options.MapInboundClaims = false;
    options.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = "AspNetAuditTrail.Sample",
        ValidAudience = "AspNetAuditTrail.Sample",
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(
            builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is not set."))),
        NameClaimType = "name",
        RoleClaimType = "role",
    };
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
builder.Services.AddAuthorization(options => options.AddPolicy(AuditTrailAdminPolicy.Name, policy => policy.RequireRole("audit-admin")));
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapAuditTrailCollector("/events");
app.MapAuditTrailAdmin("/audit");
app.Run();

