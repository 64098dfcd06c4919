namespace AspNetAuditTrail.Integrity;

/// <summary>Why a checkpoint was signed.</summary>
public enum AuditCheckpointKind
{
    /// <summary>Every <c>CheckpointEveryRows</c> rows or <c>CheckpointInterval</c>, after the batch that reached it was written.</summary>
    Periodic,

    /// <summary>When the writer stopped: no row of the chain comes after it.</summary>
    Final,

    /// <summary>
    /// Where retention cut: rows of the chain up to its sequence may be missing (removed by retention); each row still
    /// there is checked on its own, and the chain verifies in full from there.
    /// </summary>
    Retention,
}
