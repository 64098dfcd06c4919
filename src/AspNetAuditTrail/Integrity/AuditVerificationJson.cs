using System.Text.Json;
using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Integrity;

/// <summary>
/// A verification as JSON, the same from <c>GET /audit/verify</c> and <c>audit-trail verify --json</c>:
/// <c>{"verified": ..., "rows": ..., "breaks": [{"kind": "row_changed", "table": ..., "id": ..., ...}], "chains": [...]}</c>.
/// </summary>
public static class AuditVerificationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The verification as UTF-8 JSON, indented or not.</summary>
    public static byte[] Serialize(AuditVerification verification, bool indented = false) =>
        JsonSerializer.SerializeToUtf8Bytes(verification, indented ? new JsonSerializerOptions(Options) { WriteIndented = true } : Options);

    /// <summary>A break kind as JSON names it (<c>row_changed</c>).</summary>
    public static string Name(AuditBreakKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
