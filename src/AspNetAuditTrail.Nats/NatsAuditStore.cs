using System.Buffers;
using System.Text.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Wire;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AspNetAuditTrail.Nats;

/// <summary>
/// An audit store that publishes each unit of a batch to a JetStream stream, as one message in
/// <see cref="AuditWireFormat"/> whose id is the unit's first row's id, so the stream's duplicate window drops a
/// retried copy. A batch counts as written once the stream acknowledged every message (stored on its replicas); a
/// refusal or a timeout fails the batch, which the writer retries or journals.
/// </summary>
internal sealed class NatsAuditStore : IAuditStore, IAsyncDisposable
{
    private readonly NatsPublishOptions _options;
    private readonly string _subject;
    private readonly NatsConnection _connection;
    private readonly NatsJSContext _js;
    private readonly SemaphoreSlim _setup = new(1, 1);
    private volatile bool _streamReady;

    public NatsAuditStore(NatsPublishOptions options, string subject, string serviceName)
    {
        (_options, _subject) = (options, subject);
        _connection = NatsStreamSetup.Connect(options, $"audit-trail {serviceName}");
        _js = new NatsJSContext(_connection);
    }

    public string Identity => $"nats:{NatsStreamSetup.Servers(_options.Url)}/{_options.Stream}/{_subject}";

    /// <summary>Pings the servers and finds the stream, within <see cref="NatsStreamOptions.Timeout"/>.</summary>
    public Task PingAsync(CancellationToken cancellationToken) => WithinTimeoutAsync(async token =>
    {
        await _connection.PingAsync(token);
        await EnsureStreamAsync(token);
    }, cancellationToken);

    /// <summary>Publishes each unit as one message and waits for the stream's acknowledgements, within <see cref="NatsStreamOptions.Timeout"/>.</summary>
    public Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken) =>
        WithinTimeoutAsync(token => PublishAsync(units, token), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> for at most the configured timeout: a client that is reconnecting would otherwise
    /// wait for ever, and the writer needs a failure to retry, open its circuit and use its journal.
    /// </summary>
    private async Task WithinTimeoutAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await work(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"NATS ({NatsStreamSetup.Servers(_options.Url)}) did not answer within {_options.Timeout} ({_connection.ConnectionState}).");
        }
    }

    private async Task PublishAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
    {
        await EnsureStreamAsync(cancellationToken);
        var maxPayload = _connection.ServerInfo?.MaxPayload ?? int.MaxValue;
        var tooLarge = 0;
        var pending = new List<NatsJSPublishConcurrentFuture>(Math.Min(units.Count, _options.MaxPublishesInFlight));
        try
        {
            foreach (var unit in units)
            {
                var message = Message(unit);
                if (message.Length > maxPayload - 1024)
                {
                    tooLarge++;
                    continue;
                }

                var id = unit.Rows().First().Id.ToString("N");
                pending.Add(await _js.PublishConcurrentAsync(_subject, message, opts: new NatsJSPubOpts { MsgId = id }, cancellationToken: cancellationToken));
                if (pending.Count >= _options.MaxPublishesInFlight)
                {
                    await AcknowledgedAsync(pending, cancellationToken);
                }
            }

            await AcknowledgedAsync(pending, cancellationToken);
        }
        finally
        {
            await ReleaseAsync(pending);
        }

        if (tooLarge > 0)
        {
            throw new AuditBatchRejectedException(
                $"{tooLarge} unit(s) of the batch are larger than the servers' largest message ({maxPayload:N0} bytes); the batch's other units were published.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _setup.Dispose();
    }

    /// <summary>Waits for each message's acknowledgement (new or duplicate), which must come from the configured stream.</summary>
    private async Task AcknowledgedAsync(List<NatsJSPublishConcurrentFuture> pending, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var future in pending)
            {
                // A duplicate is a success: the stream kept this unit from an earlier try whose acknowledgement was lost.
                var ack = await future.GetResponseAsync(cancellationToken);
                if (ack.Error is { } error)
                {
                    throw new NatsJSApiException(error);
                }

                if (!string.Equals(ack.Stream, _options.Stream, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Subject '{_subject}' is kept by stream '{ack.Stream}', not by '{_options.Stream}'.");
                }
            }
        }
        finally
        {
            await ReleaseAsync(pending);
        }
    }

    private static async Task ReleaseAsync(List<NatsJSPublishConcurrentFuture> pending)
    {
        foreach (var future in pending)
        {
            await future.DisposeAsync();
        }

        pending.Clear();
    }

    private async Task EnsureStreamAsync(CancellationToken cancellationToken)
    {
        if (_streamReady)
        {
            return;
        }

        await _setup.WaitAsync(cancellationToken);
        try
        {
            if (!_streamReady)
            {
                await NatsStreamSetup.EnsureStreamAsync(_js, _options, cancellationToken);
                _streamReady = true;
            }
        }
        finally
        {
            _setup.Release();
        }
    }

    /// <summary>A unit as one message: a wire-format batch holding it alone.</summary>
    internal static byte[] Message(AuditUnit unit)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AuditWireFormat.WriteBatch(writer, [unit]);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
