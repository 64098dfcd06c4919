namespace AspNetAuditTrail.Nats;

/// <summary>
/// The NATS servers and the JetStream stream that carry the audit trail: what the apps and the collectors share. A
/// missing stream is created at start-up with these settings (<see cref="CreateStream"/>); an existing one is used
/// as it is.
/// </summary>
public abstract class NatsStreamOptions
{
    /// <summary>The servers, as a comma-separated list (<c>nats://10.0.0.1:4222,nats://10.0.0.2:4222</c>). Required.</summary>
    public string? Url { get; set; }

    /// <summary>The user name, when the servers want one (with <see cref="Password"/>).</summary>
    public string? Username { get; set; }

    /// <summary>The password of <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>A token, when the servers authenticate by token.</summary>
    public string? Token { get; set; }

    /// <summary>The stream's name. Default <c>AUDIT</c>.</summary>
    public string Stream { get; set; } = "AUDIT";

    /// <summary>The subjects the stream takes, when it is created here. Default <c>audit.&gt;</c> (every service's subject).</summary>
    public string StreamSubjects { get; set; } = "audit.>";

    /// <summary>Whether a missing stream is created at start-up. Default true.</summary>
    public bool CreateStream { get; set; } = true;

    /// <summary>How many servers keep each message, when the stream is created here (1 to 5). Default 1; use 3 on a cluster.</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>How long the stream keeps a message, written or not, when it is created here. Default 7 days.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most bytes the stream keeps before it refuses new messages, when it is created here. Default -1: no limit but the servers'.</summary>
    public long MaxBytes { get; set; } = -1;

    /// <summary>How long the stream remembers a message id to drop a second copy of it, when it is created here. Default 10 minutes.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a call to the servers (a publish's acknowledgement, a fetch) may take. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
