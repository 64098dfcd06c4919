using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AspNetAuditTrail.Nats;

/// <summary>The connection to the servers and the stream, as the options describe them.</summary>
internal static class NatsStreamSetup
{
    /// <summary>A connection (not opened yet: it opens on first use, and reconnects by itself) named after its user.</summary>
    public static NatsConnection Connect(NatsStreamOptions options, string name) => new(new NatsOpts
    {
        Url = options.Url!,
        Name = name,
        RequestTimeout = options.Timeout,
        ConnectTimeout = options.Timeout,
        MaxReconnectRetry = -1,
        AuthOpts = new NatsAuthOpts { Username = options.Username, Password = options.Password, Token = options.Token },
    });

    /// <summary>Finds the stream, and creates it when it is missing and <see cref="NatsStreamOptions.CreateStream"/> allows.</summary>
    public static async Task EnsureStreamAsync(INatsJSContext js, NatsStreamOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await js.GetStreamAsync(options.Stream, cancellationToken: cancellationToken);
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404 && options.CreateStream)
        {
            try
            {
                await js.CreateStreamAsync(Config(options), cancellationToken);
            }
            catch (NatsJSApiException raced) when (raced.Error.ErrCode == 10058)
            {
                // Another instance created it a moment before (stream name already in use): that one serves.
            }
        }
    }

    /// <summary>The stream's configuration: file storage, the options' replicas, age and size limits, duplicate window.</summary>
    public static StreamConfig Config(NatsStreamOptions options) => new(options.Stream, [options.StreamSubjects])
    {
        Storage = StreamConfigStorage.File,
        Retention = StreamConfigRetention.Limits,
        Discard = StreamConfigDiscard.New,
        NumReplicas = options.Replicas,
        MaxAge = options.MaxAge,
        MaxBytes = options.MaxBytes,
        DuplicateWindow = options.DuplicateWindow,
    };

    /// <summary>The servers' addresses without credentials (for logs, the journal's name and the health check).</summary>
    public static string Servers(string? url) => string.Join(',', (url ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}:{(uri.IsDefaultPort ? 4222 : uri.Port)}" : "?"));

    /// <summary>Whether a subject falls under a subject filter (tokens split by dots, <c>*</c> one token, <c>&gt;</c> the rest).</summary>
    public static bool Matches(string filter, string subject)
    {
        var (f, s) = (filter.Split('.'), subject.Split('.'));
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == ">")
            {
                return s.Length > i;
            }

            if (i >= s.Length || (f[i] != "*" && f[i] != s[i]))
            {
                return false;
            }
        }

        return f.Length == s.Length;
    }
}
