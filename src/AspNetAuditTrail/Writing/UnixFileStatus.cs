using System.Runtime.InteropServices;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// Who owns a file and which file it is (device and inode), read with Linux's <c>statx</c>, whose layout is the same on
/// every architecture. Null where it is not available (Windows, macOS), where callers fall back to what .NET offers.
/// </summary>
internal readonly record struct UnixFileStatus(uint OwnerId, ulong Device, ulong Inode)
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;

    /// <summary>The effective user id of this process; null where there is none to read.</summary>
    public static uint? CurrentUserId => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? geteuid() : null;

    /// <summary>The status of the file or folder at the path (a symbolic link itself, not its target); null when it is missing or cannot be read.</summary>
    public static UnixFileStatus? Read(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            if (statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        // struct statx: stx_uid at 20, stx_ino at 32, stx_dev_major and stx_dev_minor at 136 and 140 (native byte order).
        var device = ((ulong)MemoryMarshal.Read<uint>(buffer.AsSpan(136)) << 32) | MemoryMarshal.Read<uint>(buffer.AsSpan(140));
        return new UnixFileStatus(MemoryMarshal.Read<uint>(buffer.AsSpan(20)), device, MemoryMarshal.Read<ulong>(buffer.AsSpan(32)));
    }

#pragma warning disable SA1300, CA5392 // libc's own names; libc is the system's.
    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SA1300, CA5392
}
