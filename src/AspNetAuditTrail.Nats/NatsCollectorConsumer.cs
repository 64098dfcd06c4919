using AspNetAuditTrail.Collector;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AspNetAuditTrail.Nats;

/// <summary>
/// A collector's share of the durable pull consumer: fetches a batch of messages, writes their units to the store in
/// one transaction (sealed into the collector's chain when integrity is on), and only then acknowledges them. A batch
/// that cannot be written is handed back to the stream for later (to this or another collector); a message that can
/// never be written (not the wire format, refused by the store on its own) is logged and not delivered again.
/// </summary>
internal sealed class NatsCollectorConsumer(
    IOptions<NatsConsumeOptions> options,
    IOptions<AuditTrailCollectorOptions> collectorOptions,
    IAuditIngest ingest,
    IAuditUserResolver users,
    NatsConsumerState state,
    TimeProvider time,
    ILogger<NatsCollectorConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan LagEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        await using var connection = NatsStreamSetup.Connect(o, $"audit-trail collector {Environment.MachineName}");
        var js = new NatsJSContext(connection);
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await NatsStreamSetup.EnsureStreamAsync(js, o, stoppingToken);
                var consumer = await js.CreateOrUpdateConsumerAsync(o.Stream, Config(o), stoppingToken);
                Log.ConsumerStarted(logger, o.Stream, o.Consumer, NatsStreamSetup.Servers(o.Url));
                delay = TimeSpan.FromSeconds(1);
                await ConsumeAsync(js, consumer, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                state.LastError = ex.Message;
                Log.ConsumerFailed(logger, ex, delay);
                delay = await BackOffAsync(delay, stoppingToken);
            }
        }
    }

    private static ConsumerConfig Config(NatsConsumeOptions o) => new(o.Consumer)
    {
        AckPolicy = ConsumerConfigAckPolicy.Explicit,
        AckWait = o.AckWait,
        DeliverPolicy = ConsumerConfigDeliverPolicy.All,
        MaxAckPending = Math.Max(1000, o.BatchSize * 8),
        MaxDeliver = -1,
    };

    private async Task ConsumeAsync(INatsJSContext js, INatsJSConsumer consumer, CancellationToken stoppingToken)
    {
        var o = options.Value;
        var fetch = new NatsJSFetchOpts { MaxMsgs = o.BatchSize, Expires = TimeSpan.FromSeconds(Math.Clamp(o.Timeout.TotalSeconds / 2, 1, 5)) };
        var lagAt = DateTimeOffset.MinValue;
        var retry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            var messages = new List<INatsJSMsg<byte[]>>(o.BatchSize);
            await foreach (var message in consumer.FetchAsync<byte[]>(fetch, cancellationToken: stoppingToken))
            {
                messages.Add(message);
            }

            state.LastContact = time.GetUtcNow();
            if (messages.Count > 0)
            {
                retry = await WriteAsync(messages, retry, stoppingToken) ? TimeSpan.FromSeconds(1) : await BackOffAsync(retry, stoppingToken);
            }
            else
            {
                state.LastError = null;
            }

            if (time.GetUtcNow() - lagAt >= LagEvery)
            {
                var info = (await js.GetConsumerAsync(o.Stream, o.Consumer, stoppingToken)).Info;
                state.Lag = (long)info.NumPending + info.NumAckPending;
                lagAt = time.GetUtcNow();
            }
        }
    }

    /// <summary>
    /// Writes the batch's units in one transaction and acknowledges its messages; false when the store failed, and
    /// the messages go back to the stream, to be delivered again after <paramref name="retry"/>.
    /// </summary>
    private async Task<bool> WriteAsync(List<INatsJSMsg<byte[]>> messages, TimeSpan retry, CancellationToken stoppingToken)
    {
        var read = new List<(INatsJSMsg<byte[]> Message, IReadOnlyList<AuditUnit> Units)>(messages.Count);
        foreach (var message in messages)
        {
            if (message.Metadata?.NumDelivered > 1)
            {
                state.AddRedelivered();
            }

            if (await ReadAsync(message, stoppingToken) is { } units)
            {
                read.Add((message, units));
            }
        }

        if (read.Count == 0)
        {
            // Every message was refused: nothing to write.
            state.LastError = null;
            return true;
        }

        try
        {
            await ingest.WriteAsync([.. read.SelectMany(r => r.Units)], stoppingToken);
        }
        catch (AuditBatchRejectedException ex)
        {
            // One message's rows are at fault: each on its own, so only that one is refused.
            if (read.Count == 1)
            {
                await RefuseAsync(read[0].Message, ex.Message, stoppingToken);
            }
            else
            {
                foreach (var one in read)
                {
                    await WriteOneAsync(one.Message, one.Units, stoppingToken);
                }
            }

            return true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            state.LastError = ex.Message;
            Log.BatchNotWritten(logger, ex, read.Count, retry);
            foreach (var (message, _) in read)
            {
                await message.NakAsync(new AckOpts { NakDelay = retry }, stoppingToken);
            }

            return false;
        }

        foreach (var (message, _) in read)
        {
            await message.AckAsync(cancellationToken: stoppingToken);
        }

        state.AddWritten(read.Count);
        state.LastError = null;
        return true;
    }

    private async Task WriteOneAsync(INatsJSMsg<byte[]> message, IReadOnlyList<AuditUnit> units, CancellationToken stoppingToken)
    {
        try
        {
            await ingest.WriteAsync(units, stoppingToken);
            await message.AckAsync(cancellationToken: stoppingToken);
            state.AddWritten(1);
        }
        catch (AuditBatchRejectedException ex)
        {
            await RefuseAsync(message, ex.Message, stoppingToken);
        }
    }

    /// <summary>The message's units, read as a collector reads a call (its service: the subject's last token); null when it was refused.</summary>
    private async Task<IReadOnlyList<AuditUnit>?> ReadAsync(INatsJSMsg<byte[]> message, CancellationToken stoppingToken)
    {
        var service = message.Subject[(message.Subject.LastIndexOf('.') + 1)..];
        switch (NatsMessageReader.Read(ingest, message.Data, service, collectorOptions.Value.MaxBatchItems))
        {
            case { Units: { } units }:
                return await CollectorUsers.ResolveAsync(users, service, units, stoppingToken);
            case { Error: var error }:
                await RefuseAsync(message, error!, stoppingToken);
                return null;
        }
    }

    private async Task RefuseAsync(INatsJSMsg<byte[]> message, string reason, CancellationToken stoppingToken)
    {
        Log.MessageRefused(logger, message.Metadata?.Sequence.Stream ?? 0, options.Value.Stream, message.Subject, reason);
        state.AddRefused();
        await message.AckTerminateAsync(cancellationToken: stoppingToken);
    }

    /// <summary>Waits <paramref name="retry"/>, and returns the next wait: doubled, up to 30 s.</summary>
    private async Task<TimeSpan> BackOffAsync(TimeSpan retry, CancellationToken stoppingToken)
    {
        await Task.Delay(retry, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
    }
}
