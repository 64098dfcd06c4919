using System.Text.Json;

namespace AspNetAuditTrail.Capture;

/// <summary>Reads the user name from a sign-in request's (already masked) body: a top-level JSON property or a form field.</summary>
internal static class LoginFields
{
    public static string? ReadUserName(string? body, string? contentType, string field)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        switch (TextContentTypes.Classify(contentType))
        {
            case BodyKind.Json:
                try
                {
                    using var document = JsonDocument.Parse(body);
                    if (document.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in document.RootElement.EnumerateObject())
                        {
                            if (property.NameEquals(field) || property.Name.Equals(field, StringComparison.OrdinalIgnoreCase))
                            {
                                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                            }
                        }
                    }
                }
                catch (JsonException)
                {
                    // A body cut at MaxBodySize may not parse: no user name then.
                }

                return null;
            case BodyKind.Form:
                foreach (var pair in body.Split('&'))
                {
                    var equals = pair.IndexOf('=');
                    if (equals > 0 && Uri.UnescapeDataString(pair[..equals].Replace('+', ' ')).Equals(field, StringComparison.OrdinalIgnoreCase))
                    {
                        return Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
