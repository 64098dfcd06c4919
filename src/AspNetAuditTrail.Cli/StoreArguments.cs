using System.CommandLine;
using AspNetAuditTrail.PostgreSql;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Sqlite;
using AspNetAuditTrail.SqlServer;
using Microsoft.Extensions.Configuration;

namespace AspNetAuditTrail.Cli;

/// <summary>
/// Which database a command works on: <c>--provider</c> and <c>--connection</c>, or an app's settings file
/// (<c>--settings appsettings.json</c>, its <c>AuditTrail</c> section), and <c>--schema</c> for PostgreSQL and SQL Server.
/// </summary>
internal sealed class StoreArguments
{
    public Option<string?> Provider { get; } = new("--provider") { Description = "sqlite, postgresql or sqlserver" };

    public Option<string?> Connection { get; } = new("--connection") { Description = "The audit database's connection string" };

    public Option<FileInfo?> Settings { get; } = new("--settings") { Description = "An app's appsettings.json: its AuditTrail section gives the provider and connection string" };

    public Option<string?> Schema { get; } = new("--schema") { Description = "The schema (PostgreSQL, SQL Server)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
        command.Options.Add(Settings);
        command.Options.Add(Schema);
    }

    /// <summary>The store the arguments name, or why they name none (a message for the user).</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="listingOnly">The command only reads the schema's state: a SQLite file that does not exist is not created (an empty database in memory stands for it).</param>
    /// <param name="mustExist">The command works on rows: a SQLite file that does not exist is an error, not a new database.</param>
    public (SqlAuditStore? Store, string? Problem) Open(ParseResult parse, bool listingOnly = false, bool mustExist = false)
    {
        var (provider, connection, schema) = (parse.GetValue(Provider), parse.GetValue(Connection), parse.GetValue(Schema));
        if (parse.GetValue(Settings) is { } file)
        {
            if (!file.Exists)
            {
                return (null, $"--settings: {file.FullName} does not exist.");
            }

            var section = AuditTrailSection(file);
            provider ??= section["Provider"] ?? "sqlite";
            connection ??= section["ConnectionString"];
            schema ??= section[$"{provider}:Schema"];
            if (string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase) && connection is not null)
            {
                // The app's own database: a relative file is beside its settings, where the app runs.
                var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
                if (!Path.IsPathRooted(sqlite.DataSource) && sqlite.DataSource is { Length: > 0 } and not ":memory:")
                {
                    sqlite.DataSource = Path.Combine(file.DirectoryName!, sqlite.DataSource);
                    connection = sqlite.ConnectionString;
                }
            }
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            return (null, "Give the database: --provider and --connection, or --settings with an AuditTrail section.");
        }

        if (string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase)
            && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource is { Length: > 0 } path && path != ":memory:" && !File.Exists(path))
        {
            if (mustExist)
            {
                return (null, $"The SQLite database {Path.GetFullPath(path)} does not exist.");
            }

            if (listingOnly)
            {
                connection = "Data Source=:memory:";
            }
        }

        try
        {
            return (provider?.ToLowerInvariant()) switch
            {
                "sqlite" => (new SqliteAuditStore(connection, TimeProvider.System), null),
                "postgresql" => (new PostgreSqlAuditStore(connection, TimeProvider.System, PostgreSqlOptions(parse, schema)), null),
                "sqlserver" => (schema is null ? new SqlServerAuditStore(connection, TimeProvider.System) : new SqlServerAuditStore(connection, TimeProvider.System, schema), null),
                _ => (null, $"--provider must be sqlite, postgresql or sqlserver, not '{provider}'."),
            };
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The PostgreSQL settings of the app (<c>AuditTrail:PostgreSql</c>: partitions), with the schema chosen.</summary>
    private PostgreSqlAuditOptions PostgreSqlOptions(ParseResult parse, string? schema)
    {
        var options = new PostgreSqlAuditOptions();
        AuditTrailSection(parse).GetSection("PostgreSql").Bind(options);
        options.Schema = schema;
        return options;
    }

    /// <summary>Where the settings' relative paths start: the folder of the <c>--settings</c> file (where the app runs), or the current folder.</summary>
    public string BaseDirectory(ParseResult parse) => parse.GetValue(Settings)?.DirectoryName ?? Environment.CurrentDirectory;

    /// <summary>
    /// The <c>AuditTrail</c> section of the <c>--settings</c> file (when one is given) and of the environment
    /// (<c>AuditTrail__Anonymization__Key</c>, as an app reads it), the environment winning.
    /// </summary>
    public IConfigurationSection AuditTrailSection(ParseResult parse) =>
        AuditTrailSection(parse.GetValue(Settings) is { Exists: true } file ? file : null);

    private static IConfigurationSection AuditTrailSection(FileInfo? file)
    {
        var configuration = new ConfigurationBuilder();
        if (file is not null)
        {
            configuration.AddJsonFile(file.FullName);
        }

        return configuration.AddEnvironmentVariables().Build().GetSection("AuditTrail");
    }
}
