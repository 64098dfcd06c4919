using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Units holding one plain GET request row, for tests of how a store keeps values.</summary>
internal static class RequestUnits
{
    public static AuditUnit Get(DateTimeOffset time, string path, string? query = null, string? routeValues = null, string? responseBody = null) => new()
    {
        Request = new RequestAuditEvent
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = time,
            Method = "GET",
            Scheme = "https",
            Path = path,
            QueryString = query,
            RouteValues = routeValues,
            ResponseBody = responseBody,
            StatusCode = 200,
            DurationMs = 1,
            RequestBodyStatus = BodyCaptureStatus.None,
            ResponseBodyStatus = BodyCaptureStatus.None,
        },
    };
}
