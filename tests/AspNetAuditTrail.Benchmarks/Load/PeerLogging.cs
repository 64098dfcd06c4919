using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>
/// The peers of auditing, as teams that do not use this package set them up: ASP.NET Core's W3C logger with every
/// field to a file in the run's folder, or Serilog's request logging (one event per request) to a compact JSON file.
/// The W3C logger writes every 10 ms, not every second (its default): its queue holds 1,024 lines and blocks the
/// request when full, so the default caps an API at about 1,000 requests a second.
/// </summary>
internal static class PeerLogging
{
    public static void Add(WebApplicationBuilder builder, AuditedStore peer, string folder)
    {
        switch (peer)
        {
            case AuditedStore.W3cFile:
                builder.Services.AddW3CLogging(options =>
                {
                    options.LoggingFields = W3CLoggingFields.All;
                    options.LogDirectory = folder;
                    options.FileName = "requests-";
                    options.FlushInterval = TimeSpan.FromMilliseconds(10);
                });
                break;
            case AuditedStore.SerilogFile:
                builder.Services.AddSerilog(new LoggerConfiguration()
                    .MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                    .WriteTo.File(new CompactJsonFormatter(), Path.Combine(folder, "requests.json"))
                    .CreateLogger(), dispose: true);
                break;
        }
    }

    public static void Use(WebApplication app, AuditedStore peer)
    {
        _ = peer switch
        {
            AuditedStore.W3cFile => app.UseW3CLogging(),
            AuditedStore.SerilogFile => app.UseSerilogRequestLogging(),
            _ => app,
        };
    }
}
