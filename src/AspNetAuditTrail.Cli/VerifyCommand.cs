using System.CommandLine;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Integrity;
using Microsoft.Extensions.Configuration;

namespace AspNetAuditTrail.Cli;

/// <summary>
/// <c>verify</c>: checks every chain (or <c>--chain</c>, between <c>--from</c> and <c>--to</c>) against its rows and
/// its checkpoints, in the database and in <c>--checkpoints</c> folders, and names each break. The chain key comes
/// from the environment or the settings (<c>AuditTrail:Integrity:ChainKey</c>) or <c>--chain-key-file</c>; the public
/// keys from <c>--public-key</c>, or from the settings' signing key. Exit code 0 only when everything verifies, 4 when
/// something does not.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var store = new StoreArguments();
        var chainKeyFile = new Option<FileInfo?>("--chain-key-file") { Description = "A file holding the chain key (base64), instead of AuditTrail__Integrity__ChainKey" };
        var publicKeys = new Option<string[]>("--public-key") { Description = "A checkpoint public key: a PEM file, or base64 (repeatable)", AllowMultipleArgumentsPerToken = true };
        var folders = new Option<DirectoryInfo[]>("--checkpoints") { Description = "A folder of checkpoints kept outside the database (repeatable)", AllowMultipleArgumentsPerToken = true };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Verify from the last checkpoint signed at or before this time" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Verify up to the first checkpoint signed at or after this time" };
        var chain = new Option<Guid?>("--chain") { Description = "Only this chain" };
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON (as GET /audit/verify answers)" };
        var command = new Command("verify", "Check the hash chains against their rows and signed checkpoints (exit code 0 only when everything verifies)");
        store.AddTo(command);
        foreach (var option in new Option[] { chainKeyFile, publicKeys, folders, from, to, chain, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var (opened, problem) = store.Open(parse, mustExist: true);
            var integrity = new AuditIntegrityOptions();
            store.AuditTrailSection(parse).GetSection(nameof(AuditTrailOptions.Integrity)).Bind(integrity);
            if (parse.GetValue(chainKeyFile) is { } keyFile)
            {
                integrity.ChainKey = keyFile.Exists ? File.ReadAllText(keyFile.FullName).Trim() : null;
                problem ??= keyFile.Exists ? null : $"--chain-key-file: {keyFile.FullName} does not exist.";
            }

            problem ??= (parse.GetValue(folders) ?? []).FirstOrDefault(f => !f.Exists) is { } missing ? $"--checkpoints: {missing.FullName} does not exist." : null;
            var (verifier, keyProblem) = Verifier(integrity, parse.GetValue(publicKeys) ?? []);
            problem ??= keyProblem;
            if (opened is null || verifier is null || problem is not null)
            {
                await Console.Error.WriteLineAsync(problem);
                return ExitCodes.BadArguments;
            }

            using (verifier)
            {
                string[] checkpointFolders = [.. (parse.GetValue(folders) ?? []).Select(f => f.FullName).DefaultIfEmpty(integrity.CheckpointFolderUnder(store.BaseDirectory(parse))).OfType<string>()];
                var scope = new AuditVerifyScope(parse.GetValue(from), parse.GetValue(to), parse.GetValue(chain));
                return await Guarded.RunAsync(async () =>
                {
                    var total = (await opened.ReadChainsAsync(cancellationToken)).Sum(c => c.Rows);
                    var verification = parse.GetValue(json)
                        ? await verifier.VerifyAsync(opened, checkpointFolders, scope, null, cancellationToken)
                        : await CliProgress.RunAsync("Verifying", total, report =>
                        {
                            var seen = 0L;
                            return verifier.VerifyAsync(opened, checkpointFolders, scope, new Progress(rows => report(rows - Interlocked.Exchange(ref seen, rows))), cancellationToken);
                        });
                    await PrintAsync(verification, parse.GetValue(json));
                    return verification.Verified ? ExitCodes.Done : ExitCodes.NotVerified;
                });
            }
        });
        return command;
    }

    private static (AuditVerifier? Verifier, string? Problem) Verifier(AuditIntegrityOptions integrity, string[] publicKeys)
    {
        if (Retention.AuditPseudonymizer.TryDecodeKey(integrity.ChainKey) is null)
        {
            return (null, "The chain key must be base64 of at least 32 bytes: the app's AuditTrail:Integrity:ChainKey, from --settings, the environment (AuditTrail__Integrity__ChainKey) or --chain-key-file.");
        }

        try
        {
            if (publicKeys.Length > 0)
            {
                integrity.SigningKey = null;
                integrity.PreviousPublicKeys = [.. publicKeys.Select(k => File.Exists(k) ? File.ReadAllText(k) : k)];
            }
            else if (integrity.SigningKey is null && integrity.PreviousPublicKeys.Count == 0)
            {
                return (null, "Give the checkpoints' public key: --public-key (a PEM file or base64), or settings with AuditTrail:Integrity:SigningKey.");
            }

            return (AuditVerifier.FromOptions(integrity), null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    private static async Task PrintAsync(AuditVerification verification, bool json)
    {
        if (json)
        {
            await using var output = Console.OpenStandardOutput();
            await output.WriteAsync(AuditVerificationJson.Serialize(verification, indented: true));
            Console.WriteLine();
            return;
        }

        foreach (var chain in verification.Chains)
        {
            Console.WriteLine($"chain {chain.ChainId} ({chain.Writer ?? "no checkpoint"}): {chain.Rows:N0} rows, checkpoint {chain.CheckpointSequence:N0}" +
                $"{(chain.Closed ? ", closed" : $", {chain.UnconfirmedRows:N0} rows after it")}: {(chain.Verified ? "verified" : "BROKEN")}");
        }

        foreach (var found in verification.Breaks)
        {
            Console.WriteLine($"{AuditVerificationJson.Name(found.Kind)} {found.Table ?? "-"} {found.Id?.ToString() ?? "-"}: {found.Detail}");
        }

        Console.WriteLine(verification.Verified
            ? $"Verified: {verification.Rows:N0} rows in {verification.Chains.Count} chains."
            : $"NOT verified: {verification.BreakCount:N0} breaks ({verification.Breaks.Count} listed) in {verification.Rows:N0} rows.");
    }

    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
