using System.Security.Cryptography;
using System.Text;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// The local, append-only journal that holds what could not reach the store (an outage, a full queue, a stop): one
/// authenticated line per unit (<see cref="JournalRecord"/>), bounded in size, one file per application, machine and
/// store, in a folder only this user can write. Replay takes the whole file aside first, so units appended meanwhile
/// are kept, and reads it back a batch at a time; lines that do not verify are counted and never replayed.
/// </summary>
internal sealed class AuditJournal
{
    /// <summary>What the writer says when no store was chosen.</summary>
    public const string NoStore = "No audit store was chosen: call .UseSqlite(...) (or another store) on the builder that AddAuditTrail(...) returns.";

    private const int KeySize = 32;
    private readonly Lock _gate = new();
    private readonly long _maxSize;
    private readonly AuditMetrics _metrics;
    private readonly ILogger<AuditJournal> _logger;
    private readonly JournalRecord? _records;
    private readonly TimeProvider _time;

    public AuditJournal(
        IOptions<AuditTrailOptions> options,
        IHostEnvironment environment,
        IServiceProvider services,
        TimeProvider time,
        AuditMetrics metrics,
        ILogger<AuditJournal> logger)
    {
        _time = time;
        var store = services.GetService<IAuditStore>() ?? throw new InvalidOperationException(NoStore);
        var folder = options.Value.JournalFolder ?? JournalFolder.Default(environment);
        var storeHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(store.Identity)))[..16];
        Path = System.IO.Path.Combine(folder, JournalFolder.SafeName($"{environment.ApplicationName}-{Environment.MachineName}-{storeHash}") + ".journal");
        _maxSize = options.Value.MaxJournalSize;
        _metrics = metrics;
        _logger = logger;
        try
        {
            Refusal = JournalFolder.Prepare(folder) ?? JournalFolder.CheckFile(Path) ?? JournalFolder.CheckFile(ReplayPath);
            if (Refusal is null)
            {
                _records = new JournalRecord(LoadKey(options.Value.JournalKey, System.IO.Path.Combine(folder, "journal.key")), store.Identity);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Refusal = $"the journal folder {folder} cannot be used: {ex.Message}";
        }

        if (Refusal is not null)
        {
            Log.JournalRefused(_logger, Refusal);
        }
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>Why the journal is not used (a folder or file another user controls, or one that cannot be created); null when it is.</summary>
    public string? Refusal { get; }

    /// <summary>When an append last failed (the journal was full, refused or could not be written); null if never.</summary>
    public DateTimeOffset? LastFailure { get; private set; }

    private string ReplayPath => Path + ".replaying";

    /// <summary>Bytes waiting in the journal (both files).</summary>
    public long Size
    {
        get
        {
            lock (_gate)
            {
                return Length(Path) + Length(ReplayPath);
            }
        }
    }

    /// <summary>
    /// Appends units, written to the operating system before it returns (they survive the app crashing) and, with
    /// <paramref name="flushToDisk"/>, flushed to the disk too (they survive the machine going down); false
    /// (counted and logged) when the journal is full, refused or cannot be written.
    /// </summary>
    public bool Append(IReadOnlyCollection<AuditUnit> units, string reason, bool flushToDisk = true) => AppendTo(Path, units, reason, flushToDisk);

    /// <summary>Where batches the store rejected for good are set aside, as journal records, never replayed: for an operator to look at.</summary>
    public string RejectedPath => Path + ".rejected";

    /// <summary>Sets a rejected batch aside (see <see cref="RejectedPath"/>); false when that cannot be done.</summary>
    public bool SetAside(IReadOnlyCollection<AuditUnit> units) => AppendTo(RejectedPath, units, "rejected", flushToDisk: true);

    private bool AppendTo(string target, IReadOnlyCollection<AuditUnit> units, string reason, bool flushToDisk)
    {
        if (units.Count == 0)
        {
            return true;
        }

        if (_records is null)
        {
            return Failed(units.Count, "journal_refused", null);
        }

        var text = new StringBuilder();
        foreach (var unit in units)
        {
            _records.Write(text, unit);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        lock (_gate)
        {
            try
            {
                if (Length(Path) + Length(ReplayPath) + Length(RejectedPath) + bytes.Length > _maxSize)
                {
                    Log.JournalFull(_logger, units.Count, Path, _maxSize);
                    return Failed(units.Count, "journal_full", null);
                }

                using var file = new FileStream(target, JournalFolder.OpenOptions(FileMode.Append, FileAccess.Write));
                file.Write(bytes);
                file.Flush(flushToDisk);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Failed(units.Count, "journal_failed", ex);
            }
        }

        _metrics.Spilled(units.Count, reason);
        return true;
    }

    /// <summary>
    /// Takes the journal aside for replay (unless an earlier replay left one) and returns how many bytes it holds;
    /// 0 when there is nothing to replay.
    /// </summary>
    public long BeginReplay()
    {
        lock (_gate)
        {
            if (_records is not null && !File.Exists(ReplayPath) && File.Exists(Path))
            {
                File.Move(Path, ReplayPath);
            }

            return _records is null ? 0 : Length(ReplayPath);
        }
    }

    /// <summary>
    /// The units taken aside by <see cref="BeginReplay"/>, oldest first, read as they are enumerated, so that a large
    /// journal is never held in memory at once. A line that does not verify (cut short by a crash, or not written by
    /// this app) is counted, logged and skipped.
    /// </summary>
    public IEnumerable<AuditUnit> ReadReplay()
    {
        using var reader = new StreamReader(new FileStream(ReplayPath, JournalFolder.OpenOptions(FileMode.Open, FileAccess.Read)), Encoding.UTF8);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (_records!.Read(line, out var rejection) is { } unit)
            {
                yield return unit;
            }
            else
            {
                _metrics.JournalRejected();
                Log.JournalLineRejected(_logger, lineNumber, ReplayPath, rejection!);
            }
        }
    }

    /// <summary>The units of <see cref="ReadReplay"/> in batches of at most <paramref name="maxCount"/> units and about <paramref name="maxBytes"/> bytes.</summary>
    public IEnumerable<List<AuditUnit>> ReadReplayBatches(int maxCount, long maxBytes)
    {
        var batch = new List<AuditUnit>();
        long bytes = 0;
        foreach (var unit in ReadReplay())
        {
            batch.Add(unit);
            bytes += UnitSize.Estimate(unit);
            if (batch.Count >= maxCount || bytes >= maxBytes)
            {
                yield return batch;
                (batch, bytes) = ([], 0);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Removes what a replay has written to the store.</summary>
    public void EndReplay(int units)
    {
        lock (_gate)
        {
            File.Delete(ReplayPath);
        }

        _metrics.Replayed(units);
    }

    private bool Failed(int count, string reason, Exception? exception)
    {
        LastFailure = _time.GetUtcNow();
        _metrics.Dropped(count, reason);
        if (exception is not null)
        {
            Log.JournalFailed(_logger, exception, count, Path);
        }
        else if (reason == "journal_refused")
        {
            Log.JournalRefusedDrop(_logger, count, Refusal!);
        }

        return false;
    }

    /// <summary>The configured key, else the key file beside the journal (made once, 0600).</summary>
    private static byte[] LoadKey(string? configured, string keyPath)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return Convert.FromBase64String(configured);
        }

        if (JournalFolder.CheckFile(keyPath) is { } refusal)
        {
            throw new IOException(refusal);
        }

        try
        {
            using var created = new FileStream(keyPath, JournalFolder.OpenOptions(FileMode.CreateNew, FileAccess.Write));
            var key = RandomNumberGenerator.GetBytes(KeySize);
            created.Write(key);
            created.Flush(true);
            return key;
        }
        catch (IOException) when (File.Exists(keyPath))
        {
            var key = File.ReadAllBytes(keyPath);
            return key.Length >= KeySize ? key : throw new IOException($"the journal key {keyPath} is shorter than {KeySize} bytes");
        }
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
