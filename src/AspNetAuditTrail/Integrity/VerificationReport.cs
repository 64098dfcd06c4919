namespace AspNetAuditTrail.Integrity;

/// <summary>What a verification has found so far: breaks (the first <see cref="AuditVerifier.MaxBreaks"/> kept), rows, chains.</summary>
internal sealed class VerificationReport(IProgress<long>? progress)
{
    private readonly List<AuditBreak> _breaks = [];
    private readonly List<AuditChainSummary> _chains = [];

    public long Rows { get; private set; }

    public long BreakCount { get; set; }

    public long Unsealed { get; set; }

    public void Add(AuditBreak found)
    {
        BreakCount++;
        if (_breaks.Count < AuditVerifier.MaxBreaks)
        {
            _breaks.Add(found);
        }
    }

    public void Counted()
    {
        Rows++;
        if (Rows % 10_000 == 0)
        {
            progress?.Report(Rows);
        }
    }

    public void Chain(AuditChainSummary summary) => _chains.Add(summary);

    public AuditVerification ToVerification()
    {
        progress?.Report(Rows);
        return new AuditVerification(BreakCount == 0, Rows, Unsealed, [.. _breaks.OrderBy(b => b.ChainId).ThenBy(b => b.Sequence)], BreakCount, _chains);
    }
}
