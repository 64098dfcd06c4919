namespace AspNetAuditTrail.Retention;

/// <summary>
/// Anonymisation (<c>AuditTrail:Anonymization</c>): after how many days each kind of record loses its personal data
/// (the row stays), and how. Off by default. The hosted retention job applies it after retention.
/// </summary>
public sealed class AuditAnonymizationOptions : AuditPeriods
{
    /// <summary>
    /// The pseudonyms' key: base64 of at least 32 random bytes, kept out of the audit database (for example in an
    /// environment variable, <c>AuditTrail__Anonymization__Key</c>). Required when a period is set; without the same key,
    /// the same person gets another pseudonym.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Pseudonyms (default) or nothing in place of user ids, names and addresses; content (bodies, input, details) is removed either way.</summary>
    public AuditAnonymizationMode Mode { get; set; } = AuditAnonymizationMode.Pseudonymize;

    /// <summary>Whether any period is set.</summary>
    public bool IsEnabled => SetsAny;
}
