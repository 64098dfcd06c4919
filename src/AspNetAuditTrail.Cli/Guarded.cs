using System.Data.Common;

namespace AspNetAuditTrail.Cli;

/// <summary>Runs a command's work: a failure of the database is a message on standard error and exit code 1, never a stack trace.</summary>
internal static class Guarded
{
    public static async Task<int> RunAsync(Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (DbException ex)
        {
            await Console.Error.WriteLineAsync($"The database failed: {ex.Message}");
            return ExitCodes.DatabaseFailed;
        }
    }
}
