using System.Text.Json;

namespace AspNetAuditTrail.Capture;

/// <summary>
/// Reads the user name from a sign-in request's (already masked) body as the application binds it: in JSON the last
/// top-level property whose name matches the field in any case (System.Text.Json's web binding), in a form the first
/// matching field (MVC's model binding). Every candidate is returned too, so that a body naming several can be marked.
/// </summary>
internal static class LoginFields
{
    private const int MaxCandidates = 10;

    public static (string? UserName, IReadOnlyList<string> Candidates) ReadUserName(string? body, string? contentType, string field)
    {
        if (string.IsNullOrEmpty(body))
        {
            return (null, []);
        }

        switch (TextContentTypes.Classify(contentType))
        {
            case BodyKind.Json:
                var json = JsonCandidates(body, field);
                return (json.Count > 0 ? json[^1] : null, json);
            case BodyKind.Form:
                var form = FormCandidates(body, field);
                return (form.Count > 0 ? form[0] : null, form);
            default:
                return (null, []);
        }
    }

    private static List<string> JsonCandidates(string body, string field)
    {
        var candidates = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Name.Equals(field, StringComparison.OrdinalIgnoreCase) && candidates.Count < MaxCandidates)
                    {
                        candidates.Add(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A body cut at MaxBodySize may not parse: no user name then.
        }

        return candidates;
    }

    private static List<string> FormCandidates(string body, string field)
    {
        var candidates = new List<string>();
        foreach (var pair in body.Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && candidates.Count < MaxCandidates
                && SecretMasker.DecodeFormComponent(pair[..equals]).Equals(field, StringComparison.OrdinalIgnoreCase))
            {
                candidates.Add(SecretMasker.DecodeFormComponent(pair[(equals + 1)..]));
            }
        }

        return candidates;
    }
}
