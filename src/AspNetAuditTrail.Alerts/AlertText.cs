using System.Globalization;
using System.Text;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Alerts;

/// <summary>An alert as words for people: a subject line and a body, every value on one line of its own.</summary>
internal static class AlertText
{
    public static string Subject(SecurityAuditEvent alert) =>
        $"[audit] {alert.Severity} {alert.EventType}: {alert.UserName ?? alert.UserId ?? "unknown user"} from {alert.IpAddress ?? "unknown address"}";

    public static string Body(SecurityAuditEvent alert)
    {
        var text = new StringBuilder();
        void Line(string name, string? value)
        {
            if (value is not null)
            {
                text.Append(name).Append(": ").Append(value.ReplaceLineEndings(" ")).Append('\n');
            }
        }

        Line("Event", alert.EventType.ToString());
        Line("Severity", alert.Severity.ToString());
        Line("Time (UTC)", alert.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Line("Service", alert.ServiceName);
        Line("Tenant", alert.TenantId);
        Line("User", alert.UserName ?? alert.UserId);
        Line("Address", alert.IpAddress);
        Line("Endpoint", alert.Endpoint);
        Line("Details", alert.Details);
        Line("Event id", alert.Id.ToString("D"));
        return text.ToString();
    }
}
