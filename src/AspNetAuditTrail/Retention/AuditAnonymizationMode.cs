namespace AspNetAuditTrail.Retention;

/// <summary>What anonymisation puts in place of who a row is about and what identifies them.</summary>
public enum AuditAnonymizationMode
{
    /// <summary>A keyed pseudonym (HMAC-SHA256): the same person always gets the same one, so counts per user still work.</summary>
    Pseudonymize,

    /// <summary>Nothing (NULL).</summary>
    Remove,
}
