namespace AspNetAuditTrail.Configuration;

/// <summary>What happens to an event when the in-memory queue is full. Never silent.</summary>
public enum AuditOverflowPolicy
{
    /// <summary>Put it in the local journal, replayed when the writer catches up.</summary>
    Spill,

    /// <summary>Drop it, counted (<c>audit.events.dropped</c>, reason <c>queue_full</c>) and logged.</summary>
    Drop,

    /// <summary>
    /// Backpressure: the request waits up to <c>BlockTimeout</c> for room in the queue, then spills to the journal.
    /// </summary>
    Block,
}
