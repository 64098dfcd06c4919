using System.Collections.Concurrent;

namespace AspNetAuditTrail.Collector.Authentication;

/// <summary>
/// Remembers each token's id (<c>jti</c>) until the token expires, so that a token is accepted once. Bounded: past
/// its capacity, expired ids are dropped first, and a call is refused (as a replay could not be told apart) only
/// when every remembered token is still alive.
/// </summary>
internal sealed class ReplayGuard(TimeProvider time)
{
    private const int Capacity = 200_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time a service's token id is seen; false for a replay (or when full of live tokens).</summary>
    public bool TryUse(string service, string tokenId, DateTimeOffset expires)
    {
        if (_seen.Count >= Capacity)
        {
            var now = time.GetUtcNow();
            foreach (var (key, until) in _seen)
            {
                if (until < now)
                {
                    _seen.TryRemove(key, out _);
                }
            }

            if (_seen.Count >= Capacity)
            {
                return false;
            }
        }

        return _seen.TryAdd($"{service}\n{tokenId}", expires);
    }
}
