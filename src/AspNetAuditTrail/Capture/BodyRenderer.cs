using System.Text;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Capture;

/// <summary>Turns kept body bytes into the stored text: decoded as UTF-8, secrets masked, malformed JSON refused.</summary>
internal static class BodyRenderer
{
    /// <param name="buffer">The kept bytes.</param>
    /// <param name="kind">How to read them.</param>
    /// <param name="masker">The secret masker.</param>
    /// <param name="status">Captured, Truncated or PartiallyRead: whether the kept bytes are the whole body.</param>
    public static (string? Body, BodyCaptureStatus Status) Render(
        BodyCaptureBuffer buffer, BodyKind kind, SecretMasker masker, BodyCaptureStatus status)
    {
        var isComplete = status == BodyCaptureStatus.Captured;
        var bytes = buffer.Captured;
        switch (kind)
        {
            case BodyKind.Json:
                return masker.TryMaskJson(bytes, isComplete, out var json)
                    ? (json, status)
                    : (null, BodyCaptureStatus.Malformed);
            case BodyKind.Form:
                return (masker.MaskUrlEncoded(DecodeUtf8(bytes, isComplete)), status);
            case BodyKind.Text:
                return (DecodeUtf8(bytes, isComplete), status);
            default:
                return (null, BodyCaptureStatus.SkippedContentType);
        }
    }

    /// <summary>
    /// Decodes UTF-8. When the bytes are only the start of a body, a character cut at the end is dropped
    /// rather than turned into a replacement character.
    /// </summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, bool isComplete)
    {
        if (!isComplete)
        {
            bytes = bytes[..WholeCharacterLength(bytes)];
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The length of the longest prefix that does not end inside a multibyte character.</summary>
    internal static int WholeCharacterLength(ReadOnlySpan<byte> bytes)
    {
        // Walk back over at most three continuation bytes to the lead byte of the last character.
        for (var back = 1; back <= Math.Min(4, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = b switch
            {
                < 0x80 => 1,
                >= 0xF0 => 4,
                >= 0xE0 => 3,
                >= 0xC0 => 2,
                _ => 1,
            };
            return needed > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }
}
