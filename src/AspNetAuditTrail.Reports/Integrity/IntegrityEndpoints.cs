using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Reports.Query;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Integrity;

/// <summary>
/// <c>GET /audit/verify</c> (admin only): the verification of the trail with the app's keys, as JSON; by default of the
/// last seven days (<c>from</c>, <c>to</c> and <c>chain</c> choose otherwise).
/// </summary>
internal static class IntegrityEndpoints
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);

    public static async Task<IResult> VerifyAsync(HttpContext context, TimeProvider time)
    {
        if (context.Features.Get<ReadScope>()?.Tenant is not null)
        {
            return ReadScope.Refuse(context, Events.AccessDenialReason.Other, "Verifying the trail covers every tenant: it needs the admin policy.");
        }

        var (from, to, errors) = AuditQueryParser.ParseTimeRange(context.Request.Query);
        Guid? chain = null;
        if (context.Request.Query.TryGetValue("chain", out var text))
        {
            if (Guid.TryParse(text, out var parsed))
            {
                chain = parsed;
            }
            else
            {
                errors["chain"] = ["must be a chain id (a UUID)."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        from ??= chain is null ? time.GetUtcNow() - DefaultPeriod : null;
        var verification = await TrailVerification.RunAsync(context, new AuditVerifyScope(from, to, chain));
        if (verification is null)
        {
            return TypedResults.Problem("Integrity is off: set AuditTrail:Integrity (README, \"Tamper evidence\").", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Bytes(AuditVerificationJson.Serialize(verification), "application/json; charset=utf-8");
    }
}
