namespace AspNetAuditTrail.Alerts;

/// <summary>Where e-mail alerts go (<c>AuditTrail:Alerts:Email</c>).</summary>
public sealed class EmailAlertOptions : SmtpOptions
{
    /// <summary>The recipients. At least one.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>One alert per incident (event type, user, address) in this window. Default 15 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Tries again after a failed send, waiting 1, 2, 4... seconds. Default 3.</summary>
    public int Retries { get; set; } = 3;
}
