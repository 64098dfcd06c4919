namespace AspNetAuditTrail.Cli;

/// <summary>What the tool's exit codes mean (README lists them).</summary>
internal static class ExitCodes
{
    public const int Done = 0;

    public const int DatabaseFailed = 1;

    public const int BadArguments = 2;
}
