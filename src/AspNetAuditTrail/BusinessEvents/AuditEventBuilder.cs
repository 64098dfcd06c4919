using AspNetAuditTrail.Events;

namespace AspNetAuditTrail;

/// <summary>
/// A business event being described (from <see cref="IAuditLog.Event"/>). Each method sets one part and returns the
/// builder; <see cref="Succeeded"/>, <see cref="Failed"/> or <see cref="Record"/> records it, once. Input, output and
/// metadata are serialized as JSON objects, masked like bodies and bounded by <c>MaxBodySize</c>; recording never throws.
/// </summary>
public sealed class AuditEventBuilder
{
    private readonly Func<AuditEventBuilder, AuditEventOutcome?, Guid> _record;
    private Guid? _recorded;

    internal AuditEventBuilder(string action, string? message, Func<AuditEventBuilder, AuditEventOutcome?, Guid> record)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        (Action, Message, _record) = (action, message, record);
    }

    internal string Action { get; }

    internal string? Message { get; }

    internal AuditLevel? LevelValue { get; private set; }

    internal string CategoryValue { get; private set; } = AuditCategories.UserAction;

    internal string? UserKey { get; private set; }

    internal string? SessionId { get; private set; }

    internal string? ResourceType { get; private set; }

    internal string? ResourceId { get; private set; }

    internal object? InputValue { get; private set; }

    internal object? OutputValue { get; private set; }

    internal List<KeyValuePair<string, object?>> MetadataValues { get; } = [];

    internal TimeSpan? DurationValue { get; private set; }

    internal string? ErrorCode { get; private set; }

    internal string? ErrorMessage { get; private set; }

    internal Exception? Exception { get; private set; }

    internal AuditTenant? TenantValue { get; private set; }

    /// <summary>Who did it: the identity as the app knows it (stored as <c>user_key</c>, and as <c>user_id</c>). Default: the request's user.</summary>
    public AuditEventBuilder By(string? userKey)
    {
        UserKey = userKey;
        return this;
    }

    /// <summary>The tenant it happened in (and the second level inside it). Default: the request's (see <see cref="IAuditTenantResolver"/>).</summary>
    public AuditEventBuilder In(string tenantId, string? subtenantId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        TenantValue = new AuditTenant(tenantId, subtenantId);
        return this;
    }

    /// <summary>The record it concerns, for example <c>On("cluster", id)</c>.</summary>
    public AuditEventBuilder On(string resourceType, object? resourceId = null)
    {
        ResourceType = resourceType;
        ResourceId = resourceId is null ? null : Convert.ToString(resourceId, System.Globalization.CultureInfo.InvariantCulture);
        return this;
    }

    /// <summary>What it was given (any value; an object's properties become the JSON object's).</summary>
    public AuditEventBuilder Input(object? value)
    {
        InputValue = value;
        return this;
    }

    /// <summary>What it gave back.</summary>
    public AuditEventBuilder Output(object? value)
    {
        OutputValue = value;
        return this;
    }

    /// <summary>Adds a named value to the event's metadata.</summary>
    public AuditEventBuilder With(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        MetadataValues.Add(new(name, value));
        return this;
    }

    /// <summary>Its category: one of <see cref="AuditCategories"/> (default <see cref="AuditCategories.UserAction"/>) or the app's own.</summary>
    public AuditEventBuilder Category(string category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        CategoryValue = category;
        return this;
    }

    /// <summary>How much it matters. Default: <see cref="AuditLevel.Info"/>, or <see cref="AuditLevel.Error"/> when it failed.</summary>
    public AuditEventBuilder Level(AuditLevel level)
    {
        LevelValue = level;
        return this;
    }

    /// <summary>The user's session.</summary>
    public AuditEventBuilder Session(string? sessionId)
    {
        SessionId = sessionId;
        return this;
    }

    /// <summary>How long it took.</summary>
    public AuditEventBuilder Duration(TimeSpan duration)
    {
        DurationValue = duration;
        return this;
    }

    /// <summary>Records the event as a success; returns its id.</summary>
    public Guid Succeeded() => Finish(AuditEventOutcome.Success);

    /// <summary>Records the event as a failure, with the app's error code, a message and the exception, each optional; returns its id.</summary>
    public Guid Failed(string? errorCode = null, string? errorMessage = null, Exception? exception = null)
    {
        (ErrorCode, ErrorMessage, Exception) = (errorCode, errorMessage ?? exception?.Message, exception);
        return Finish(AuditEventOutcome.Failure);
    }

    /// <summary>Records the event without an outcome; returns its id.</summary>
    public Guid Record() => Finish(null);

    private Guid Finish(AuditEventOutcome? outcome) => _recorded ??= _record(this, outcome);
}
