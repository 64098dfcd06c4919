using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Retention;
using AspNetAuditTrail.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// This writer's hash chain (<c>AuditTrail:Integrity</c>): seals each row once, before its batch is first written,
/// so that retries and journal replays keep its place; signs a checkpoint every so many settled rows or minutes (see
/// <see cref="ChainProgress"/>), and a final one on stop over every row sealed, and hands each to the sinks. A new
/// chain starts with each start of the app.
/// </summary>
internal sealed class AuditChain : IAsyncDisposable, IDisposable
{
    private readonly AuditIntegrityOptions _options;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditChain> _logger;
    private static readonly TimeSpan FinalTimeout = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _signing = new(1, 1);
    private readonly byte[] _head;
    private readonly string _writer;
    private readonly ChainProgress _progress;
    private RowSealer? _sealer;
    private AuditSigningKey? _signingKey;
    private IAuditCanonicalForm? _form;
    private IAuditCheckpointSink[] _sinks = [];
    private ITimer? _timer;
    private long _sequence;
    private bool _disposed;
    private long _checkpointed;
    private DateTimeOffset _checkpointedAt;

    public AuditChain(IOptions<AuditTrailOptions> options, IServiceProvider services, TimeProvider time, ILogger<AuditChain> logger)
    {
        _options = options.Value.Integrity;
        _services = services;
        _time = time;
        _logger = logger;
        _writer = $"{options.Value.ServiceName}@{Environment.MachineName}";
        ChainId = Guid.CreateVersion7(time.GetUtcNow());
        _head = AuditChainHash.Start(ChainId);
        _progress = new ChainProgress(ChainId, _head);
    }

    public Guid ChainId { get; }

    /// <summary>Whether the chain seals rows (integrity on, and a store whose rows can be sealed).</summary>
    public bool IsSealing => _form is not null;

    /// <summary>Starts the chain when integrity is on and the store keeps rows that can be sealed.</summary>
    public void Start(IAuditStore store)
    {
        if (!_options.Enabled || _form is not null)
        {
            return;
        }

        if (store is not IAuditCanonicalForm form)
        {
            Log.IntegrityUnsupported(_logger, store.Identity);
            return;
        }

        _sealer = new RowSealer(ChainId, form, Convert.FromBase64String(_options.ChainKey!));
        _signingKey = AuditSigningKey.Parse(_options.SigningKey!);
        _sinks =
        [
            .. store is IAuditCheckpointSink own ? [own] : Array.Empty<IAuditCheckpointSink>(),
            .. _options.CheckpointFolderUnder(_services.GetService<IHostEnvironment>()?.ContentRootPath ?? Environment.CurrentDirectory) is { } folder
                ? [new AuditCheckpointFolder(folder)]
                : Array.Empty<IAuditCheckpointSink>(),
            .. _services.GetServices<IAuditCheckpointSink>(),
        ];
        _checkpointedAt = _time.GetUtcNow();
        _form = form;
        _timer = _time.CreateTimer(_ => _ = CheckpointIfDueAsync(CancellationToken.None), null, _options.CheckpointInterval, _options.CheckpointInterval);
        Log.ChainStarted(_logger, ChainId, _writer, _signingKey.KeyId, _sinks.Length);
    }

    /// <summary>Seals every row of the units not sealed yet, on every core unless <paramref name="parallel"/> is false.</summary>
    public void Seal(IEnumerable<AuditUnit> units, bool parallel = true)
    {
        if (_form is null)
        {
            return;
        }

        var rows = RowsOf(units);
        rows.RemoveAll(r => r.Seal is not null);
        if (rows.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _sealer!.Seal(rows, _sequence + 1, _head, parallel);
            _progress.Sealed(_sequence + 1, _sequence + rows.Count, _head);
            Interlocked.Exchange(ref _sequence, _sequence + rows.Count);
        }
    }

    private static List<IAuditEvent> RowsOf(IEnumerable<AuditUnit> units)
    {
        var rows = new List<IAuditEvent>(units is IReadOnlyCollection<AuditUnit> known ? known.Count : 0);
        foreach (var unit in units)
        {
            unit.AddRowsTo(rows);
        }

        return rows;
    }

    /// <summary>The units' rows are written, in the journal, set aside or given up: periodic checkpoints may cover them.</summary>
    public void Settle(IEnumerable<AuditUnit> units)
    {
        if (_form is null)
        {
            return;
        }

        lock (_gate)
        {
            _progress.Settle(RowsOf(units));
        }
    }

    /// <summary>Signs a checkpoint when <c>CheckpointEveryRows</c> rows settled or <c>CheckpointInterval</c> passed since the last one.</summary>
    public Task CheckpointIfDueAsync(CancellationToken cancellationToken)
    {
        bool due;
        lock (_gate)
        {
            due = _progress.Settled > _checkpointed
                && (_progress.Settled - _checkpointed >= _options.CheckpointEveryRows || _time.GetUtcNow() - _checkpointedAt >= _options.CheckpointInterval);
        }

        return due ? CheckpointAsync(AuditCheckpointKind.Periodic, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Before retention removes what the plan cuts: the retention checkpoints of every chain it cuts (README "Tamper evidence").</summary>
    public async Task SignRetentionAsync(IAuditRetentionStore store, AuditPeriodPlan plan, CancellationToken cancellationToken)
    {
        if (_form is null || store is not IAuditIntegrityReader reader)
        {
            return;
        }

        await _signing.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var trusted = _options.PreviousPublicKeys.Select(AuditPublicKey.Parse).ToArray();
            await AuditRetentionCheckpoints.SignAsync(reader, plan, _signingKey!, trusted, _sinks, _writer, _time.GetUtcNow(), cancellationToken);
        }
        finally
        {
            _signing.Release();
        }
    }

    /// <summary>
    /// The last checkpoint of the chain, on stop: nothing comes after it. It gets a few seconds of its own, whatever is
    /// left of the host's shutdown time, and a failure is logged, never thrown into the host's stop.
    /// </summary>
    public async Task FinalAsync()
    {
        if (_form is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(FinalTimeout, _time);
        try
        {
            await CheckpointAsync(AuditCheckpointKind.Final, timeout.Token);
        }
        catch (Exception ex)
        {
            Log.CheckpointFailed(_logger, ex, Interlocked.Read(ref _sequence), "its sinks");
        }
    }

    private async Task CheckpointAsync(AuditCheckpointKind kind, CancellationToken cancellationToken)
    {
        await _signing.WaitAsync(cancellationToken);
        try
        {
            AuditCheckpoint checkpoint;
            lock (_gate)
            {
                var (sequence, head) = kind == AuditCheckpointKind.Final ? (_sequence, _head) : (_progress.Settled, _progress.SettledHead);
                if (_disposed || (kind == AuditCheckpointKind.Periodic && sequence <= _checkpointed))
                {
                    return;
                }

                checkpoint = _signingKey!.Sign(ChainId, sequence, head, _time.GetUtcNow(), kind, _writer);
                _checkpointed = sequence;
                _checkpointedAt = checkpoint.CreatedAt;
            }

            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.WriteAsync(checkpoint, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log.CheckpointFailed(_logger, ex, checkpoint.Sequence, sink.Name);
                }
            }
        }
        finally
        {
            _signing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        // After a checkpoint being signed: the semaphore stays usable (it holds nothing to release), the keys go.
        await _signing.WaitAsync();
        Close();
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _signing.Wait();
        Close();
    }

    private void Close()
    {
        try
        {
            lock (_gate)
            {
                _disposed = true;
                _sealer?.Dispose();
                _signingKey?.Dispose();
            }
        }
        finally
        {
            _signing.Release();
        }
    }
}
