namespace AspNetAuditTrail.Collector.Authentication;

/// <summary>The default <see cref="IAuditUserResolver"/>: the user id is the key as sent.</summary>
internal sealed class KeptUserKey : IAuditUserResolver
{
    public ValueTask<string?> ResolveAsync(string serviceName, string userKey, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(userKey);
}
