using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Nats;

/// <summary>Checks the NATS settings at start-up, naming each bad one by its configuration key.</summary>
internal sealed class NatsOptionsValidator(string section) : IValidateOptions<NatsPublishOptions>, IValidateOptions<NatsConsumeOptions>
{
    public ValidateOptionsResult Validate(string? name, NatsPublishOptions options)
    {
        var failures = Common(options).ToList();
        // Without a Subject the store publishes to audit.<service name>, and checks it against the stream's subjects.
        if (options.Subject is { } subject && !subject.Split('.').All(IsToken))
        {
            failures.Add($"{section}:Subject must be a subject of plain tokens (letters, digits, '-', '_', split by dots), for example audit.orders-api.");
        }
        else if (options.Subject is { } kept && !NatsStreamSetup.Matches(options.StreamSubjects, kept))
        {
            failures.Add($"{section}:Subject '{kept}' is not one of the stream's subjects ({section}:StreamSubjects '{options.StreamSubjects}').");
        }

        if (options.MaxPublishesInFlight is < 1 or > 10_000)
        {
            failures.Add($"{section}:MaxPublishesInFlight must be from 1 to 10,000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, NatsConsumeOptions options)
    {
        var failures = Common(options).ToList();
        if (!IsToken(options.Consumer))
        {
            failures.Add($"{section}:Consumer must be a name of letters, digits, '-' and '_'.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"{section}:BatchSize must be from 1 to 10,000.");
        }

        if (options.AckWait < TimeSpan.FromSeconds(1) || options.AckWait > TimeSpan.FromHours(1) || options.AckWait <= options.Timeout)
        {
            failures.Add($"{section}:AckWait must be from 00:00:01 to 01:00:00, and longer than {section}:Timeout.");
        }

        if (options.MaxHealthyLag < 1)
        {
            failures.Add($"{section}:MaxHealthyLag must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> Common(NatsStreamOptions o)
    {
        var servers = (o.Url ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (servers.Length == 0 || !servers.All(s => Uri.TryCreate(s, UriKind.Absolute, out var url) && url.Scheme is "nats" or "tls" or "ws" or "wss"))
        {
            yield return $"{section}:Url must list the NATS servers, comma-separated (nats://host:4222,nats://host2:4222).";
        }

        if (!IsToken(o.Stream))
        {
            yield return $"{section}:Stream must be a name of letters, digits, '-' and '_'.";
        }

        if (o.StreamSubjects is not { Length: > 0 } subjects || !subjects.Split('.').All(t => t is "*" or ">" || IsToken(t)) || subjects.IndexOf('>') is >= 0 and var at && at != subjects.Length - 1)
        {
            yield return $"{section}:StreamSubjects must be a subject filter, for example audit.>.";
        }

        if (o.Replicas is < 1 or > 5)
        {
            yield return $"{section}:Replicas must be from 1 to 5.";
        }

        if (o.Timeout < TimeSpan.FromMilliseconds(100) || o.Timeout > TimeSpan.FromMinutes(5))
        {
            yield return $"{section}:Timeout must be from 00:00:00.1 to 00:05:00.";
        }

        if (o.MaxAge < TimeSpan.FromMinutes(1) || o.DuplicateWindow < TimeSpan.FromSeconds(1) || o.DuplicateWindow > o.MaxAge)
        {
            yield return $"{section}:MaxAge must be at least 00:01:00, and DuplicateWindow from 00:00:01 to MaxAge.";
        }

        if (o.MaxBytes is 0 or < -1)
        {
            yield return $"{section}:MaxBytes must be -1 (no limit) or a number of bytes.";
        }
    }

    private static bool IsToken(string? token) =>
        token is { Length: > 0 and <= 128 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
