namespace AspNetAuditTrail.Alerts;

/// <summary>An SMTP server and the sender's address, shared by e-mail alerts and scheduled reports.</summary>
public class SmtpOptions
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
}
