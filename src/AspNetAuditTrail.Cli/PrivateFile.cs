namespace AspNetAuditTrail.Cli;

/// <summary>Files the tool writes hold audit data: readable and writable by their owner alone from the moment they exist.</summary>
internal static class PrivateFile
{
    /// <summary>Creates the file (it must not exist).</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
