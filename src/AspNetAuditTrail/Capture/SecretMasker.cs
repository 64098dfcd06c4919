using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace AspNetAuditTrail.Capture;

/// <summary>Replaces the values of secret fields in JSON, form bodies and query strings.</summary>
internal sealed class SecretMasker
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Mask = "***";

    private static readonly byte[] JsonMask = "\"***\""u8.ToArray();

    /// <summary>
    /// Fields masked whatever the configuration says. Names are compared normalised (case, <c>_</c>, <c>-</c> and
    /// <c>.</c> ignored), so <c>refresh_token</c> also covers <c>refreshToken</c>, <c>Refresh-Token</c> and <c>refresh.token</c>.
    /// </summary>
    internal static readonly string[] BuiltInFields =
    [
        "password", "passwd", "pwd", "passphrase", "senha", "secret", "token", "access_token", "refresh_token", "id_token",
        "client_secret", "api_key", "api_secret", "x_api_key", "authorization", "credential", "credentials", "private_key",
        "card_number", "cvv", "cvc", "pin", "otp", "signature", "session", "session_id", "cookie", "set_cookie",
    ];

    private const int MaxNameLength = 256;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _fields;

    public SecretMasker(IEnumerable<string> extraFields)
    {
        _fields = BuiltInFields
            .Concat(extraFields.Where(f => !string.IsNullOrWhiteSpace(f)))
            .Select(f => Normalize(f, stackalloc char[MaxNameLength]).ToString())
            .Where(f => f.Length > 0)
            .ToFrozenSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when the field's normalised name is a masked one.</summary>
    public bool IsMasked(string name) =>
        name.Length <= MaxNameLength && _fields.Contains(Normalize(name, stackalloc char[MaxNameLength]));

    /// <summary>The name trimmed, in lower case, without <c>_</c>, <c>-</c> or <c>.</c>.</summary>
    private static ReadOnlySpan<char> Normalize(string name, Span<char> buffer)
    {
        var length = 0;
        var trimmed = name.AsSpan().Trim();
        foreach (var c in trimmed[..Math.Min(trimmed.Length, buffer.Length)])
        {
            if (c is not ('_' or '-' or '.'))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return buffer[..length];
    }

    /// <summary>
    /// Masks the values of secret properties at any depth (a secret object or array is masked whole).
    /// When <paramref name="isComplete"/> is false the input is a prefix of a longer document: the result is
    /// the masked prefix up to the last whole token, and an unfinished secret value is dropped.
    /// </summary>
    /// <returns>False when the input is not JSON.</returns>
    public bool TryMaskJson(ReadOnlySpan<byte> json, bool isComplete, out string masked)
    {
        // Invalid UTF-8 is not JSON (a cut character at the end of a prefix is no fault).
        if (!Utf8.IsValid(isComplete ? json : json[..BodyRenderer.WholeCharacterLength(json)]))
        {
            masked = "";
            return false;
        }

        var replacements = new List<(long Start, long End)>();
        var reader = new Utf8JsonReader(json, isComplete, new JsonReaderState(ReaderOptions));
        var valueIsSecret = false;
        var secretDepth = -1;
        long secretStart = 0;
        try
        {
            while (reader.Read())
            {
                if (secretDepth >= 0)
                {
                    if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == secretDepth)
                    {
                        replacements.Add((secretStart, reader.BytesConsumed));
                        secretDepth = -1;
                    }

                    continue;
                }

                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    valueIsSecret = IsMasked(reader.GetString()!);
                    continue;
                }

                if (!valueIsSecret)
                {
                    continue;
                }

                valueIsSecret = false;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    secretDepth = reader.CurrentDepth;
                    secretStart = reader.TokenStartIndex;
                }
                else
                {
                    replacements.Add((reader.TokenStartIndex, reader.BytesConsumed));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            masked = "";
            return false;
        }

        var end = isComplete ? json.Length : reader.BytesConsumed;
        if (secretDepth >= 0)
        {
            replacements.Add((secretStart, end));
        }

        masked = Rebuild(json[..(int)end], replacements);
        return true;
    }

    private static string Rebuild(ReadOnlySpan<byte> json, List<(long Start, long End)> replacements)
    {
        if (replacements.Count == 0)
        {
            return Encoding.UTF8.GetString(json);
        }

        var output = new ArrayBufferWriter<byte>(json.Length);
        var position = 0;
        foreach (var (start, end) in replacements)
        {
            output.Write(json[position..(int)start]);
            output.Write(JsonMask);
            position = (int)end;
        }

        output.Write(json[position..]);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Masks the values of secret keys in <c>a=1&amp;b=2</c> text (form bodies, query strings without the '?').</summary>
    public string MaskUrlEncoded(string pairs)
    {
        if (pairs.Length == 0)
        {
            return pairs;
        }

        var builder = new StringBuilder(pairs.Length);
        var first = true;
        foreach (var pair in pairs.Split('&'))
        {
            if (!first)
            {
                builder.Append('&');
            }

            first = false;
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            if (equals >= 0 && IsMasked(DecodeFormComponent(key)))
            {
                builder.Append(key).Append('=').Append(Mask);
            }
            else
            {
                builder.Append(pair);
            }
        }

        return builder.ToString();
    }

    /// <summary>A form or query-string component decoded (<c>+</c> as a space, <c>%XX</c> escapes); as it is when it cannot be.</summary>
    internal static string DecodeFormComponent(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
