using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Alerts;

/// <summary>
/// One alert per incident (event type, user, address) per window, and retries of a failed send: what keeps a flood of
/// attempts to one message and a short outage of the mail server or chat tool from losing it.
/// </summary>
internal sealed class AlertGate(TimeProvider time, TimeSpan window, int retries)
{
    private const int MaxIncidents = 10_000;
    private readonly Dictionary<string, DateTimeOffset> _sent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True for the first alert of its incident in the window (the incident is then taken); false for the others.</summary>
    public bool Admit(SecurityAuditEvent alert)
    {
        var key = $"{alert.EventType}|{alert.UserName ?? alert.UserId}|{alert.IpAddress}";
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_sent.TryGetValue(key, out var last) && now - last < window)
            {
                return false;
            }

            if (_sent.Count >= MaxIncidents)
            {
                foreach (var old in _sent.Where(s => now - s.Value >= window).Select(s => s.Key).ToArray())
                {
                    _sent.Remove(old);
                }
            }

            _sent[key] = now;
            return true;
        }
    }

    /// <summary>Runs the send, again after 1, 2, 4... seconds when it fails, up to the retries; the last failure is thrown.</summary>
    public async Task SendAsync(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await send(cancellationToken);
                return;
            }
            catch (Exception) when (attempt < retries && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), time, cancellationToken);
            }
        }
    }
}
