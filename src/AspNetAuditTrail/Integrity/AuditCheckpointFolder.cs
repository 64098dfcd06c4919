using System.Globalization;
using System.Text.Json;

namespace AspNetAuditTrail.Integrity;

/// <summary>
/// A folder of checkpoints, one JSON file each (<c>&lt;chain&gt;/&lt;sequence&gt;-&lt;kind&gt;.json</c>), created once
/// and then read-only: a file is never overwritten. Point it at storage the audit database's users cannot write
/// (another disk, a write-once share); <c>audit-trail verify --checkpoints</c> reads it back.
/// </summary>
public sealed class AuditCheckpointFolder(string path) : IAuditCheckpointSink
{
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The folder.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));

    /// <inheritdoc />
    public string Name => "folder " + Path;

    /// <inheritdoc />
    public async Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var folder = System.IO.Path.Combine(Path, checkpoint.ChainId.ToString("D"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, PrivateFolder);
        }

        var file = System.IO.Path.Combine(folder, FileName(checkpoint));
        var bytes = AuditCheckpointJson.Serialize(checkpoint);
        if (File.Exists(file))
        {
            // Kept already (a retried write): the same content is no error; other content is never written over it.
            if (!(await File.ReadAllBytesAsync(file, cancellationToken)).AsSpan().SequenceEqual(bytes))
            {
                throw new IOException($"{file} holds another checkpoint: a checkpoint file is never overwritten.");
            }

            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(file, options))
        {
            await stream.WriteAsync(bytes, cancellationToken);
        }

        File.SetAttributes(file, FileAttributes.ReadOnly);
    }

    /// <summary>Every checkpoint in the folder (none when it does not exist yet), and the files that are not checkpoints (with the reason).</summary>
    public (IReadOnlyList<AuditCheckpoint> Checkpoints, IReadOnlyList<string> Unreadable) ReadAll()
    {
        var checkpoints = new List<AuditCheckpoint>();
        var unreadable = new List<string>();
        if (!Directory.Exists(Path))
        {
            // Nothing kept there yet (a writer makes it with its first checkpoint).
            return (checkpoints, unreadable);
        }

        foreach (var file in Directory.EnumerateFiles(Path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                var checkpoint = AuditCheckpointJson.TryDeserialize(File.ReadAllBytes(file), out var error) ?? throw new JsonException(error);
                if (System.IO.Path.GetFileName(file) != FileName(checkpoint))
                {
                    throw new JsonException("its name does not match its content");
                }

                checkpoints.Add(checkpoint);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                unreadable.Add($"{file}: {ex.Message}");
            }
        }

        return (checkpoints, unreadable);
    }

    private static string FileName(AuditCheckpoint checkpoint) =>
        $"{checkpoint.Sequence.ToString("D19", CultureInfo.InvariantCulture)}-{checkpoint.Kind.ToString().ToLowerInvariant()}.json";
}
