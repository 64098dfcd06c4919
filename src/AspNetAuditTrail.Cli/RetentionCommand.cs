using System.CommandLine;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Retention;
using Microsoft.Extensions.Configuration;

namespace AspNetAuditTrail.Cli;

/// <summary>
/// <c>retention</c>: removes the rows past their retention period now: the periods of the app's settings
/// (<c>--settings</c>, its <c>AuditTrail:Retention</c>) or one period for all (<c>--days</c>), narrowed by <c>--kind</c> and
/// <c>--tenant</c>. It prints what it would remove per kind and tenant first; <c>--dry-run</c> stops there.
/// </summary>
internal static class RetentionCommand
{
    public static Command Create()
    {
        var store = new StoreArguments();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be removed, per kind and tenant; remove nothing" };
        var days = new Option<int?>("--days") { Description = "Remove rows older than this many days, instead of the settings' periods" };
        var kinds = new Option<string[]>("--kind") { Description = "Only this kind (repeatable)", AllowMultipleArgumentsPerToken = true };
        var tenant = new Option<string?>("--tenant") { Description = "Only this tenant's rows" };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation" };
        kinds.AcceptOnlyFromAmong([.. RecordKinds.ByName.Keys]);
        days.Validators.Add(result =>
        {
            // A token that is no number already has its parse error; reading the value would throw.
            if (result.Tokens is [{ } token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && value < 1)
            {
                result.AddError("--days must be 1 or more.");
            }
        });
        var command = new Command("retention", "Remove the audit rows past their retention period (asks first, unless --yes)");
        store.AddTo(command);
        foreach (var option in new Option[] { dryRun, days, kinds, tenant, yes })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var (opened, problem) = store.Open(parse, mustExist: true);
            var retention = new AuditRetentionOptions();
            store.AuditTrailSection(parse).GetSection(nameof(AuditTrailOptions.Retention)).Bind(retention);
            AuditRecordKind[] chosen = [.. (parse.GetValue(kinds) ?? []).Select(k => RecordKinds.ByName[k])];
            if (opened is null || (parse.GetValue(days) is null && !retention.IsEnabled))
            {
                await Console.Error.WriteLineAsync(problem ?? "No retention periods: give --days, or --settings with an AuditTrail:Retention section.");
                return ExitCodes.BadArguments;
            }

            var now = DateTimeOffset.UtcNow;
            var plan = (parse.GetValue(days) is { } period ? AuditPeriodPlan.ForDays(period, now, chosen) : AuditPeriodPlan.Create(retention, now))
                .Narrow(chosen, parse.GetValue(tenant));
            var batchSize = Math.Clamp(retention.BatchSize, 1, 2_000);
            var integrity = new AuditIntegrityOptions();
            store.AuditTrailSection(parse).GetSection(nameof(AuditTrailOptions.Integrity)).Bind(integrity);
            AuditSigningKey? key;
            AuditPublicKey[] trusted;
            try
            {
                trusted = [.. integrity.PreviousPublicKeys.Select(AuditPublicKey.Parse)];
                key = integrity.SigningKey is { } text ? AuditSigningKey.Parse(text) : null;
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync("AuditTrail:Integrity:SigningKey: " + ex.Message);
                return ExitCodes.BadArguments;
            }

            using var signing = key;
            return await Guarded.RunAsync(async () =>
            {
                if (key is null && !parse.GetValue(dryRun) && (await opened.ReadChainsAsync(cancellationToken)).Count > 0)
                {
                    await Console.Error.WriteLineAsync(
                        "The database's rows are sealed: retention signs a checkpoint where it cuts each chain. Give the app's signing key (AuditTrail__Integrity__SigningKey, or --settings).");
                    return ExitCodes.BadArguments;
                }

                return await new CountedChange("Remove", "Removing", "Removed").RunAsync(
                    parse.GetValue(dryRun),
                    parse.GetValue(yes),
                    () => opened.CountExpiredAsync(plan, cancellationToken),
                    async afterBatch =>
                    {
                        await SignCutsAsync(opened, plan, key, trusted, integrity.CheckpointFolderUnder(store.BaseDirectory(parse)), cancellationToken);
                        return await opened.RemoveExpiredAsync(plan, batchSize, afterBatch, cancellationToken);
                    });
            });
        });
        return command;
    }

    /// <summary>The retention checkpoints of a sealed trail, kept in the database and in the settings' checkpoint folder.</summary>
    private static async Task SignCutsAsync(
        Relational.SqlAuditStore store, AuditPeriodPlan plan, AuditSigningKey? key, AuditPublicKey[] trusted, string? folder, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return;
        }

        IAuditCheckpointSink[] sinks = [store, .. folder is not null ? [new AuditCheckpointFolder(folder)] : Array.Empty<IAuditCheckpointSink>()];
        await AuditRetentionCheckpoints.SignAsync(
            store, plan, key, trusted, sinks, $"audit-trail@{Environment.MachineName}", DateTimeOffset.UtcNow, cancellationToken);
    }
}
