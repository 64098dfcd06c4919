using AspNetAuditTrail;
using AspNetAuditTrail.Reports;
using AspNetAuditTrail.Reports.Page;
using AspNetAuditTrail.Reports.Pdf;
using AspNetAuditTrail.Reports.Query;
using AspNetAuditTrail.Reports.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the audit trail's admin endpoints: query API, exports, PDF reports and the admin page.</summary>
public static class AuditTrailAdminEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>: <c>GET /</c> (the admin page), <c>GET /overview</c> (charts of a period), <c>GET /suspicious</c> (suspicious activity), <c>GET /logins</c>, <c>GET /security</c> and <c>GET /processes</c> (the views of those kinds), <c>GET /events</c>, <c>GET /events/{id}</c>,
    /// <c>GET /events.csv</c>, <c>GET /events.json</c>, <c>GET /changes</c> (a record's history), the PDF reports under <c>/reports/</c> and <c>GET /verify</c> (admin only). Every endpoint
    /// requires the authorization policy <paramref name="policyName"/>, is itself audited (without its response body), and
    /// answers with <c>Cache-Control: no-store</c>, <c>X-Content-Type-Options: nosniff</c> and <c>Referrer-Policy: no-referrer</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The app defines no policy of that name: the trail is never exposed without one.</exception>
    /// <remarks>
    /// When the app also defines <paramref name="viewerPolicyName"/>, a user with that policy (and not the admin one) reads
    /// the same endpoints limited to their own tenant, inside the SQL of every one; another tenant's id answers 404.
    /// </remarks>
    public static RouteGroupBuilder MapAuditTrailAdmin(
        this IEndpointRouteBuilder endpoints,
        string prefix = "/audit",
        string policyName = AuditTrailAdminPolicy.Name,
        string viewerPolicyName = AuditTrailTenantViewerPolicy.Name)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(policyName);
        var policies = endpoints.ServiceProvider.GetService<IAuthorizationPolicyProvider>();
        if (policies?.GetPolicyAsync(policyName).GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException(
                $"The audit trail's admin endpoints need the authorization policy '{policyName}', and the app defines none: " +
                $"add it, for example builder.Services.AddAuthorization(o => o.AddPolicy(\"{policyName}\", p => p.RequireRole(\"audit-admin\"))).");
        }

        var viewers = policies.GetPolicyAsync(viewerPolicyName).GetAwaiter().GetResult() is not null;
        var group = endpoints.MapGroup(prefix)
            .WithAudit(audit => audit.ResponseBody = AuditBodyMode.Skip)
            .AddEndpointFilter(AdminResponseHeaders.ApplyAsync);
        if (viewers)
        {
            group.RequireAuthorization(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
                .AddEndpointFilter(ReadScope.Filter(policyName, viewerPolicyName));
        }
        else
        {
            group.RequireAuthorization(policyName);
        }
        group.MapGet("/", AdminPage.RenderAsync);
        group.MapGet("/overview", OverviewPage.RenderAsync);
        group.MapGet("/suspicious", SuspiciousPage.RenderAsync);
        group.MapGet("/logins", KindPages.LoginsAsync);
        group.MapGet("/security", KindPages.SecurityAsync);
        group.MapGet("/processes", KindPages.ProcessesAsync);
        group.MapGet("/events", EventEndpoints.ListAsync);
        group.MapGet("/events/{id}", EventEndpoints.GetAsync);
        group.MapGet("/events.csv", EventEndpoints.ExportCsvAsync);
        group.MapGet("/events.json", EventEndpoints.ExportJsonAsync);
        group.MapGet("/changes", EventEndpoints.ChangesAsync);
        group.MapGet("/reports/requests.pdf", ReportEndpoints.RequestsAsync);
        group.MapGet("/reports/logins.pdf", ReportEndpoints.LoginsAsync);
        group.MapGet("/reports/processes.pdf", ReportEndpoints.ProcessesAsync);
        group.MapGet("/reports/changes.pdf", ChangesReport.RenderAsync);
        group.MapGet("/reports/statistics.pdf", ReportEndpoints.Insight(AuditReportKind.Statistics));
        group.MapGet("/reports/suspicious.pdf", ReportEndpoints.Insight(AuditReportKind.Suspicious));
        group.MapGet("/reports/security.pdf", ReportEndpoints.Insight(AuditReportKind.Security));
        group.MapGet("/verify", AspNetAuditTrail.Reports.Integrity.IntegrityEndpoints.VerifyAsync);
        return group;
    }
}
