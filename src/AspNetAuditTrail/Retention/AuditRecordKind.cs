namespace AspNetAuditTrail.Retention;

/// <summary>The kinds of audit record that have a retention period of their own.</summary>
public enum AuditRecordKind
{
    /// <summary>Request rows (<c>request_audit_event</c>).</summary>
    Requests,

    /// <summary>Sign-ins, sign-outs and failed sign-ins (<c>login_audit_event</c>).</summary>
    SignIns,

    /// <summary>Security events (<c>security_audit_event</c>).</summary>
    SecurityEvents,

    /// <summary>Processes, with their steps and registrations.</summary>
    Processes,

    /// <summary>Business events (<c>audit_event</c>), by category.</summary>
    BusinessEvents,

    /// <summary>Changes of records (<c>entity_change_audit_event</c>).</summary>
    EntityChanges,
}
