using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Retention;

namespace AspNetAuditTrail.Configuration;

/// <summary>
/// Settings of the audit trail, bound from the <c>AuditTrail</c> configuration section.
/// </summary>
public sealed class AuditTrailOptions
{
    /// <summary>The configuration section the options are usually bound from.</summary>
    public const string SectionName = "AuditTrail";

    /// <summary>
    /// Regular expressions matched against the request path; a request is audited when one matches.
    /// Default: <c>^/api/</c>. Setting this list in configuration replaces the default.
    /// </summary>
    public List<string> RequestAuditUrls { get; set; } = [];

    /// <summary>Regular expressions of paths that are never audited, even when they match <see cref="RequestAuditUrls"/>.</summary>
    public List<string> ExcludedUrls { get; set; } = [];

    /// <summary>
    /// Match the URL patterns (<see cref="RequestAuditUrls"/>, <see cref="ExcludedUrls"/>, <see cref="AuthUrls"/>,
    /// <see cref="LogoutUrls"/> and the body rules) case-sensitively. Default off: like routing, <c>/API/Token</c>
    /// matches <c>^/api/token$</c>. A trailing slash is ignored either way, as routing ignores it.
    /// </summary>
    public bool CaseSensitiveUrls { get; set; }

    /// <summary>
    /// The name of this service, stored on every row it records (<c>service_name</c>), so that the rows of many
    /// services can share one database or collector. Default: the application's name. At most 128 characters, one line.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>Connection string of the audit database. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Largest number of bytes of a request or response body kept in the row. Default 32 KB.</summary>
    public int MaxBodySize { get; set; } = 32 * 1024;

    /// <summary>
    /// Field names (case-insensitive) whose values are replaced by <c>***</c> in JSON bodies (at any depth),
    /// form bodies, query strings and extra information. Names listed here are added to the built-in list
    /// (password, senha, token, access_token, refresh_token, secret, client_secret, api_key, authorization).
    /// </summary>
    public List<string> MaskedFields { get; set; } = [];

    /// <summary>
    /// The claim that holds the user's id. Default: <c>ClaimTypes.NameIdentifier</c>, then <c>sub</c>, then the identity name.
    /// </summary>
    public string? UserIdClaim { get; set; }

    /// <summary>The claim that holds the user's tenant (<c>tenant_id</c> on every row). Default <c>tenant_id</c>.</summary>
    public string TenantClaim { get; set; } = "tenant_id";

    /// <summary>The claim that holds the second level inside the tenant (<c>subtenant_id</c>). Default <c>subtenant_id</c>.</summary>
    public string SubtenantClaim { get; set; } = "subtenant_id";

    /// <summary>How many events wait in memory for the writer before <see cref="OverflowPolicy"/> decides what happens to new ones. Default 10,000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// How many bytes (estimated: two a character of text, plus a fixed allowance per row) the events waiting in
    /// memory may hold before <see cref="OverflowPolicy"/> decides what happens to new ones. Default 64 MiB: a flood of
    /// requests with large bodies cannot take the process's memory.
    /// </summary>
    public long QueueCapacityBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Largest number of events written in one transaction. Default 2,000: under load, fewer and larger
    /// transactions cost the database less per event.
    /// </summary>
    public int BatchSize { get; set; } = 2_000;

    /// <summary>How long the writer waits for a batch to fill before it writes what it has. Default 1 second.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a failed batch is retried, with exponential backoff, before it is given up. Default 5.</summary>
    public int MaxWriteRetries { get; set; } = 5;

    /// <summary>The delay before the first retry of a failed batch; each later retry doubles it. Default 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After two batches in a row failed all their retries, how long later batches go straight to the journal
    /// before the store is tried again. Default 30 seconds.
    /// </summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Apply the embedded schema scripts at start-up. Default on.</summary>
    public bool AutoCreateSchema { get; set; } = true;

    /// <summary>Paths (and optionally a method) whose request body is never stored (drf-audit-trail's <c>NOTSAVE_REQUEST_BODY_URLS</c>).</summary>
    public List<UrlRule> SkipRequestBodyUrls { get; set; } = [];

    /// <summary>Paths (and optionally a method) whose response body is never stored (drf-audit-trail's <c>NOTSAVE_RESPONSE_BODY_URLS</c>).</summary>
    public List<UrlRule> SkipResponseBodyUrls { get; set; } = [];

    /// <summary>
    /// Sign-in endpoints (path pattern and method), always audited, whose requests make a <c>login_audit_event</c>
    /// row: <c>SignIn</c> for a 2xx response, <c>Failed</c> for <see cref="AuthFailedStatusCode"/> or an exception.
    /// Default: <c>POST ^/api/token$</c> (used when the list is empty).
    /// </summary>
    public List<UrlRule> AuthUrls { get; set; } = [];

    /// <summary>Sign-out endpoints, always audited; a 2xx response makes a <c>SignOut</c> row. Default: <c>POST ^/api/logout$</c>.</summary>
    public List<UrlRule> LogoutUrls { get; set; } = [];

    /// <summary>The status code of a failed sign-in on an auth URL. Default 401.</summary>
    public int AuthFailedStatusCode { get; set; } = 401;

    /// <summary>The request-body field (JSON or form) that names who is trying to sign in. Default <c>username</c>.</summary>
    public string UsernameField { get; set; } = "username";

    /// <summary>Failed sign-ins for one user name, or from one address, within <see cref="BruteForceWindow"/> that raise a <c>SuspiciousActivity</c> event. Default 5; 0 turns detection off.</summary>
    public int BruteForceThreshold { get; set; } = 5;

    /// <summary>The window of <see cref="BruteForceThreshold"/>. Default 15 minutes.</summary>
    public TimeSpan BruteForceWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many user names and addresses the brute-force counters follow at most (the least recent are forgotten first). Default 10,000.</summary>
    public int BruteForceMaxTracked { get; set; } = 10_000;

    /// <summary>Record an <c>AccessGranted</c> security event for every authorized request. Default off.</summary>
    public bool AuditAccessGranted { get; set; }

    /// <summary>
    /// What happens to an event when the queue is full: <see cref="AuditOverflowPolicy.Spill"/> (default) puts it in
    /// the local journal, <see cref="AuditOverflowPolicy.Block"/> waits for room first, <see cref="AuditOverflowPolicy.Drop"/>
    /// drops it (counted and logged).
    /// </summary>
    public AuditOverflowPolicy OverflowPolicy { get; set; } = AuditOverflowPolicy.Spill;

    /// <summary>With <see cref="AuditOverflowPolicy.Block"/>: how long a request waits for room in the queue. Default 1 second.</summary>
    public TimeSpan BlockTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <see cref="AuditWriteMode.Background"/> (default): the request never waits for the store.
    /// <see cref="AuditWriteMode.Synchronous"/>: the response is held until its audit row is written, and becomes
    /// 503 Service Unavailable when it cannot be, for users who must not serve an unaudited request.
    /// </summary>
    public AuditWriteMode WriteMode { get; set; } = AuditWriteMode.Background;

    /// <summary>With <see cref="AuditWriteMode.Synchronous"/>: how long a request waits for its row. Default 5 seconds.</summary>
    public TimeSpan SynchronousWriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The folder of the local journal that keeps events the store could not take (an outage longer than the
    /// retries, a full queue, a stop); replayed when the store is back and at the next start. Default: the user's
    /// own application data (<c>~/.local/share/aspnetaudittrail/&lt;application&gt;</c> on Linux), else
    /// <c>.aspnetaudittrail</c> beside the content root. Created 0700; a folder that another user owns or can
    /// write is refused. One file (0600) per application, machine and store.
    /// </summary>
    public string? JournalFolder { get; set; }

    /// <summary>
    /// The key (base64, at least 32 bytes) that authenticates each journal line with HMAC-SHA256, so that a line
    /// written by anyone else is never replayed. Default: a random key made once in <c>journal.key</c> (0600) in the
    /// journal folder.
    /// </summary>
    public string? JournalKey { get; set; }

    /// <summary>Largest size of the journal in bytes; past it, events are dropped (counted and logged). Default 1 GiB.</summary>
    public long MaxJournalSize { get; set; } = 1L << 30;

    /// <summary>How long each kind of record is kept, and how the hosted retention job runs (<c>AuditTrail:Retention</c>). Off by default.</summary>
    public AuditRetentionOptions Retention { get; set; } = new();

    /// <summary>After how long each kind of record loses its personal data, and how (<c>AuditTrail:Anonymization</c>). Off by default.</summary>
    public AuditAnonymizationOptions Anonymization { get; set; } = new();

    /// <summary>Tamper evidence: the hash chain of the rows and its signed checkpoints (<c>AuditTrail:Integrity</c>). Off by default.</summary>
    public AuditIntegrityOptions Integrity { get; set; } = new();
}
