using System.Globalization;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Reports.Integrity;

/// <summary>Verification with the app's own keys and checkpoint folder, for the verify endpoint and the reports' headers.</summary>
internal static class TrailVerification
{
    /// <summary>The verification of the scope; null when integrity is off or the store keeps no chain.</summary>
    public static Task<AuditVerification?> RunAsync(HttpContext context, AuditVerifyScope scope) => RunAsync(context.RequestServices, scope, context.RequestAborted);

    /// <summary>The verification of the scope with the app's services (a scheduled report's); null when integrity is off or the store keeps no chain.</summary>
    public static async Task<AuditVerification?> RunAsync(IServiceProvider services, AuditVerifyScope scope, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<AuditTrailOptions>>().Value.Integrity;
        if (!options.Enabled || services.GetService<IAuditStore>() is not IAuditIntegrityReader reader)
        {
            return null;
        }

        using var verifier = AuditVerifier.FromOptions(options);
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Environment.CurrentDirectory;
        return await verifier.VerifyAsync(reader, options.CheckpointFolderUnder(root) is { } folder ? [folder] : [], scope, null, cancellationToken);
    }

    /// <summary>One line for a report's header, and whether it is good news.</summary>
    public static (string Text, bool Verified) Summary(AuditVerification? verification)
    {
        if (verification is null)
        {
            return ("Integrity: not checked (AuditTrail:Integrity is off).", false);
        }

        if (!verification.Verified)
        {
            return ($"Integrity: NOT verified: {Count(verification.BreakCount)} breaks in the rows of this period (audit-trail verify names each).", false);
        }

        var latest = verification.Chains.Where(c => c.CheckpointAt is not null).MaxBy(c => c.CheckpointAt);
        var upTo = latest is null
            ? "no checkpoint yet"
            : $"up to checkpoint {Count(latest.CheckpointSequence)} of chain {latest.ChainId.ToString("D")[..8]}, signed {latest.CheckpointAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}";
        return ($"Integrity: verified, {Count(verification.Rows)} rows in {verification.Chains.Count} chains, {upTo}.", true);
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
