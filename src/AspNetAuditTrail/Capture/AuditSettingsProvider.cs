using AspNetAuditTrail.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Capture;

/// <summary>Holds the current <see cref="AuditSettings"/>, rebuilt when the options change.</summary>
internal sealed class AuditSettingsProvider : IDisposable
{
    private readonly IDisposable? _subscription;
    private volatile AuditSettings _current;

    public AuditSettingsProvider(IOptionsMonitor<AuditTrailOptions> options, ILogger<AuditSettingsProvider> logger)
    {
        _current = new AuditSettings(options.CurrentValue);
        _subscription = options.OnChange(changed =>
        {
            try
            {
                _current = new AuditSettings(changed);
            }
            catch (ArgumentException ex)
            {
                Log.OptionsChangeRejected(logger, ex.Message);
            }
        });
    }

    public AuditSettings Current => _current;

    public void Dispose() => _subscription?.Dispose();
}
