namespace AspNetAuditTrail.Cli;

/// <summary>What the tool's exit codes mean (README lists them).</summary>
internal static class ExitCodes
{
    public const int Done = 0;

    public const int DatabaseFailed = 1;

    public const int BadArguments = 2;

    /// <summary>A change was not confirmed (answered no, or no answer on standard input): nothing was changed.</summary>
    public const int NotConfirmed = 3;

    /// <summary><c>verify</c> found a break: the trail is not as it was written.</summary>
    public const int NotVerified = 4;
}
