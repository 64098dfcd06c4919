using System.Text;
using System.Text.Json;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// The local, append-only journal that holds what could not reach the store (an outage, a full queue, a stop):
/// one JSON line per unit, written before <see cref="Append"/> returns, bounded in size, one file per
/// application and machine. Replay takes the whole file aside first, so units appended meanwhile are kept, and
/// reads it back a batch at a time.
/// </summary>
internal sealed class AuditJournal
{
    private readonly Lock _gate = new();
    private readonly long _maxSize;
    private readonly AuditMetrics _metrics;
    private readonly ILogger<AuditJournal> _logger;

    public AuditJournal(IOptions<AuditTrailOptions> options, IHostEnvironment environment, AuditMetrics metrics, ILogger<AuditJournal> logger)
    {
        var folder = options.Value.JournalFolder ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aspnetaudittrail");
        var name = string.Concat($"{environment.ApplicationName}-{Environment.MachineName}".Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        Path = System.IO.Path.Combine(folder, name + ".journal");
        _maxSize = options.Value.MaxJournalSize;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

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
    /// (counted and logged) when the journal is full or cannot be written.
    /// </summary>
    public bool Append(IReadOnlyCollection<AuditUnit> units, string reason, bool flushToDisk = true)
    {
        if (units.Count == 0)
        {
            return true;
        }

        var text = new StringBuilder();
        foreach (var unit in units)
        {
            text.Append(JsonSerializer.Serialize(unit)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        lock (_gate)
        {
            try
            {
                if (Length(Path) + Length(ReplayPath) + bytes.Length > _maxSize)
                {
                    _metrics.Dropped(units.Count, "journal_full");
                    Log.JournalFull(_logger, units.Count, Path, _maxSize);
                    return false;
                }

                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
                file.Write(bytes);
                file.Flush(flushToDisk);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _metrics.Dropped(units.Count, "journal_failed");
                Log.JournalFailed(_logger, ex, units.Count, Path);
                return false;
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
            if (!File.Exists(ReplayPath) && File.Exists(Path))
            {
                File.Move(Path, ReplayPath);
            }

            return Length(ReplayPath);
        }
    }

    /// <summary>
    /// The units taken aside by <see cref="BeginReplay"/>, oldest first, read as they are enumerated, so that a
    /// large journal is never held in memory at once. A line cut short by a crash is skipped and logged.
    /// </summary>
    public IEnumerable<AuditUnit> ReadReplay()
    {
        foreach (var line in File.ReadLines(ReplayPath))
        {
            if (line.Length == 0)
            {
                continue;
            }

            AuditUnit? unit = null;
            try
            {
                unit = JsonSerializer.Deserialize<AuditUnit>(line);
            }
            catch (JsonException ex)
            {
                Log.JournalLineSkipped(_logger, ex, ReplayPath);
            }

            if (unit is not null)
            {
                yield return unit;
            }
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

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
