namespace AspNetAuditTrail.Capture;

/// <summary>
/// The content types whose bodies are kept: JSON as MVC reads it (<c>application/json</c>, <c>text/json</c>,
/// <c>*+json</c>, any parameters), form-urlencoded, text/*, XML and *+xml.
/// </summary>
internal static class TextContentTypes
{
    public static bool IsText(string? contentType) => Classify(contentType) != BodyKind.Binary;

    public static BodyKind Classify(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return BodyKind.Binary;
        }

        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
        {
            mediaType = mediaType[..semicolon];
        }

        mediaType = mediaType.Trim();
        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Json;
        }

        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Form;
        }

        if (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Text;
        }

        return BodyKind.Binary;
    }
}
