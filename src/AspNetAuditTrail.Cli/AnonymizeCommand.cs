using System.CommandLine;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Retention;
using Microsoft.Extensions.Configuration;

namespace AspNetAuditTrail.Cli;

/// <summary>
/// <c>anonymize</c>: replaces the personal data of one user's rows (<c>--user</c>), or of every row past the settings'
/// <c>AuditTrail:Anonymization</c> periods, by keyed pseudonyms. The key is the app's (<c>AuditTrail:Anonymization:Key</c>,
/// best from the environment), so that the same person gets the same pseudonym as the app gives them.
/// </summary>
internal static class AnonymizeCommand
{
    public static Command Create()
    {
        var store = new StoreArguments();
        var user = new Option<string?>("--user") { Description = "Anonymise every row about this user (id or name) now" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be anonymised, per kind and tenant; change nothing" };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation" };
        var command = new Command("anonymize", "Replace personal data by pseudonyms: one user's (--user), or past the settings' periods");
        store.AddTo(command);
        command.Options.Add(user);
        command.Options.Add(dryRun);
        command.Options.Add(yes);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (opened, problem) = store.Open(parse, mustExist: true);
            var options = new AuditAnonymizationOptions();
            store.AuditTrailSection(parse).GetSection(nameof(AuditTrailOptions.Anonymization)).Bind(options);
            var who = parse.GetValue(user);
            problem ??= (who, options.IsEnabled, AuditPseudonymizer.TryDecodeKey(options.Key)) switch
            {
                ({ Length: 0 }, _, _) => "--user must name a user.",
                (null, false, _) => "Give --user, or --settings with AuditTrail:Anonymization periods.",
                (_, _, null) => "AuditTrail:Anonymization:Key must be base64 of at least 32 bytes: the app's key, from --settings or the environment (AuditTrail__Anonymization__Key).",
                _ => null,
            };
            if (opened is null || problem is not null)
            {
                await Console.Error.WriteLineAsync(problem);
                return ExitCodes.BadArguments;
            }

            var pseudonyms = AuditPseudonymizer.FromOptions(options);
            var plan = AuditPeriodPlan.Create(options, new Dictionary<string, AuditPeriods>(), DateTimeOffset.UtcNow);
            return await Guarded.RunAsync(() => new CountedChange("Anonymise", "Anonymising", "Anonymised").RunAsync(
                parse.GetValue(dryRun),
                parse.GetValue(yes),
                () => who is null ? opened.CountAnonymizableAsync(plan, cancellationToken) : opened.CountUserAsync(who, cancellationToken),
                async afterBatch => who is null
                    ? await opened.AnonymizeExpiredAsync(plan, pseudonyms, 1_000, afterBatch, cancellationToken)
                    : await AnonymizeUserAsync(opened, who, pseudonyms, afterBatch, cancellationToken)));
        });
        return command;
    }

    /// <summary>One user's rows, in one transaction: progress comes once, at the end.</summary>
    private static async Task<IReadOnlyList<AuditRowCount>> AnonymizeUserAsync(
        Relational.SqlAuditStore store, string user, AuditPseudonymizer pseudonyms, Func<IReadOnlyList<AuditRowCount>, CancellationToken, Task> afterBatch, CancellationToken cancellationToken)
    {
        var rows = await store.AnonymizeUserAsync(user, pseudonyms, cancellationToken);
        await afterBatch(rows, cancellationToken);
        return rows;
    }
}
