using System.Runtime.Versioning;
using Microsoft.Extensions.Hosting;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// Where the journal lives, and whether that place can be trusted: a folder only this user can write (0700, owned by
/// the process's user), files only this user can read (0600).
/// </summary>
internal static class JournalFolder
{
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
    private const UnixFileMode OpenToOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>The user's own application data (<c>~/.local/share</c> on Linux), else beside the app's content root; one folder per application.</summary>
    public static string Default(IHostEnvironment environment)
    {
        var userData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(userData)
            ? Path.Combine(environment.ContentRootPath, ".aspnetaudittrail")
            : Path.Combine(userData, "aspnetaudittrail", SafeName(environment.ApplicationName));
    }

    /// <summary>A name made of letters, digits and <c>-_.</c> only.</summary>
    public static string SafeName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    /// <summary>Creates the folder (0700) when it is missing; returns why it cannot be trusted, or null when it can.</summary>
    public static string? Prepare(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return null;
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, PrivateFolder);
        }

        return Distrust(folder, WritableByOthers) is { } reason ? $"the journal folder {folder} {reason}" : null;
    }

    /// <summary>Why an existing journal or key file cannot be trusted (another owner, open to others), or null; a file of ours open to others is closed first.</summary>
    public static string? CheckFile(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return null;
        }

        if (Distrust(path, UnixFileMode.None) is { } reason)
        {
            return $"the journal file {path} {reason}";
        }

        if ((File.GetUnixFileMode(path) & OpenToOthers) != 0)
        {
            File.SetUnixFileMode(path, PrivateFile);
        }

        return null;
    }

    /// <summary>Options to open a journal or key file; a file they create is 0600.</summary>
    public static FileStreamOptions OpenOptions(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = access == FileAccess.Read ? FileShare.ReadWrite : FileShare.Read };
        if (!OperatingSystem.IsWindows() && mode is FileMode.Append or FileMode.CreateNew)
        {
            options.UnixCreateMode = PrivateFile;
        }

        return options;
    }

    [UnsupportedOSPlatform("windows")]
    private static string? Distrust(string path, UnixFileMode forbidden)
    {
        if (UnixFileStatus.Read(path) is { } status && UnixFileStatus.CurrentUserId is { } me && status.OwnerId != me)
        {
            return $"is owned by user {status.OwnerId}, not by this process's user {me}";
        }

        var mode = File.GetUnixFileMode(path);
        return (mode & forbidden) != 0 ? $"can be written by other users (mode {Convert.ToString((int)mode, 8)})" : null;
    }
}
