namespace AspNetAuditTrail.Collector;

/// <summary>Turns the user a service sent (<c>user_key</c>, for example the subject of its own JWT) into the user id stored (<c>user_id</c>). The default keeps the key.</summary>
public interface IAuditUserResolver
{
    /// <summary>The user id for a key sent by a service; return the key itself when there is nothing to resolve.</summary>
    ValueTask<string?> ResolveAsync(string serviceName, string userKey, CancellationToken cancellationToken);
}
