using AspNetAuditTrail.Retention;

namespace AspNetAuditTrail.Cli;

/// <summary>
/// The shape of a command that changes rows: print what it would change per kind and tenant, stop there on a dry run
/// (or when there is nothing), ask unless told yes, then change with progress and print what changed.
/// </summary>
/// <param name="Verb">What the change does, as in "Remove these rows" (<c>Remove</c>, <c>Anonymise</c>).</param>
/// <param name="Progressive">The same as a progress title (<c>Removing</c>, <c>Anonymising</c>).</param>
/// <param name="Past">The same done (<c>Removed</c>, <c>Anonymised</c>).</param>
internal sealed record CountedChange(string Verb, string Progressive, string Past)
{
    public async Task<int> RunAsync(
        bool dryRun, bool yes, Func<Task<IReadOnlyList<AuditRowCount>>> count, Func<Func<IReadOnlyList<AuditRowCount>, CancellationToken, Task>, Task<IReadOnlyList<AuditRowCount>>> change)
    {
        var total = RecordKinds.Print(await count());
        if (dryRun || total == 0)
        {
            Console.WriteLine(total == 0 ? "Nothing to do." : $"Dry run: nothing was {Past.ToLowerInvariant()}.");
            return ExitCodes.Done;
        }

        if (!yes && !Confirmation.Ask($"{Verb} these {total:N0} rows for good?"))
        {
            Console.WriteLine($"Nothing was {Past.ToLowerInvariant()}.");
            return ExitCodes.NotConfirmed;
        }

        var changed = await CliProgress.RunAsync(Progressive, total, report => change((batch, _) =>
        {
            report(batch.Sum(b => b.Rows));
            return Task.CompletedTask;
        }));
        Console.WriteLine($"{Past}:");
        RecordKinds.Print(changed);
        return ExitCodes.Done;
    }
}
