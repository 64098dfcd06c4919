namespace AspNetAuditTrail.Integrity;

/// <summary>A sealed row read back for verification: where it claims to be in its chain, its stored MAC, and its canonical form as stored now.</summary>
/// <param name="Table">Its table.</param>
/// <param name="Id">Its id.</param>
/// <param name="Sequence">Its stored sequence.</param>
/// <param name="Mac">Its stored MAC (hex), as it is: possibly altered.</param>
/// <param name="Canonical">Its canonical form computed from its stored values.</param>
public sealed record AuditChainRow(string Table, Guid Id, long Sequence, string? Mac, byte[] Canonical);
