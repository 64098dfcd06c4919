using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Benchmarks.Ingest;

/// <summary>Request events like the ones the load benchmark's API writes without bodies, made up front.</summary>
internal static class IngestEvents
{
    public static AuditUnit[] Create(int count)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        return Enumerable.Range(0, count).Select(i => new AuditUnit
        {
            Request = new RequestAuditEvent
            {
                Id = Guid.CreateVersion7(start.AddTicks(i * 100L)),
                OccurredAt = start.AddTicks(i * 100L),
                Method = i % 2 == 0 ? "GET" : "POST",
                Scheme = "http",
                Host = "127.0.0.1:5080",
                Path = i % 2 == 0 ? $"/api/products/{i % 100 + 1}" : "/api/orders",
                QueryString = i % 5 == 0 ? "?page=2" : null,
                StatusCode = i % 2 == 0 ? 200 : 201,
                DurationMs = 0.1 + (i % 50) / 100.0,
                ResponseSize = 90 + i % 20,
                IpAddress = "127.0.0.1",
                UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
                UserId = i % 3 == 0 ? null : $"user-{i % 1000}",
                RequestContentType = i % 2 == 0 ? null : "application/json",
                RequestBodyStatus = BodyCaptureStatus.SkippedByRule,
                ResponseContentType = "application/json; charset=utf-8",
                ResponseBodyStatus = BodyCaptureStatus.SkippedByRule,
                TraceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
                RequestId = $"0HN7:{i:X8}",
            },
        }).ToArray();
    }
}
