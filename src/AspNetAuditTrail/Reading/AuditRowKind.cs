namespace AspNetAuditTrail.Reading;

/// <summary>The kinds of rows the trail holds, one table each.</summary>
public enum AuditRowKind
{
    /// <summary>Requests (<c>request_audit_event</c>).</summary>
    Request,

    /// <summary>Sign-ins, sign-outs and failed sign-ins (<c>login_audit_event</c>).</summary>
    Login,

    /// <summary>Security events (<c>security_audit_event</c>).</summary>
    Security,

    /// <summary>Business processes (<c>process_audit_event</c>).</summary>
    Process,

    /// <summary>Steps of processes (<c>step_audit_event</c>).</summary>
    Step,

    /// <summary>Registrations of steps (<c>registration_audit_event</c>).</summary>
    Registration,
}
