namespace AspNetAuditTrail.Alerts;

/// <summary>Where e-mail alerts go (<c>AuditTrail:Alerts:Email</c>).</summary>
public sealed class EmailAlertOptions
{
    /// <summary>The SMTP server's host name. Required.</summary>
    public string? Host { get; set; }

    /// <summary>Its port. Default 587.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured: <c>Auto</c> (STARTTLS when the server offers it; the default), <c>StartTls</c>, <c>SslOnConnect</c> or <c>None</c>.</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>The account to sign in with, when the server wants one.</summary>
    public string? UserName { get; set; }

    /// <summary>Its password (from a secret store or the environment, never a file beside the app).</summary>
    public string? Password { get; set; }

    /// <summary>The sender address. Required.</summary>
    public string? From { get; set; }

    /// <summary>The recipients. At least one.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>One alert per incident (event type, user, address) in this window. Default 15 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Tries again after a failed send, waiting 1, 2, 4... seconds. Default 3.</summary>
    public int Retries { get; set; } = 3;
}
