using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.EntityFrameworkCore;

namespace AspNetAuditTrail.IntegrationTests.Changes;

/// <summary>The application's own database, apart from the audit database: a SQLite file, or a fresh PostgreSQL database.</summary>
public sealed class ShopDatabase(PostgreSqlServer? server) : IAsyncDisposable
{
    private string? _file;

    public string Provider => server is null ? "Sqlite" : "PostgreSql";

    public string? SkipReason => server?.SkipReason;

    public string ConnectionString { get; private set; } = "";

    public async Task PrepareAsync()
    {
        if (server is null)
        {
            _file = Path.Combine(Path.GetTempPath(), $"shop-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={_file};Pooling=False";
        }
        else
        {
            ConnectionString = await server.CreateDatabaseAsync();
        }
    }

    public DbContextOptionsBuilder Use(DbContextOptionsBuilder options) =>
        server is null ? options.UseSqlite(ConnectionString) : options.UseNpgsql(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            File.Delete(_file);
        }
        else if (server is not null && ConnectionString.Length > 0)
        {
            await server.DropDatabaseAsync(ConnectionString);
        }
    }
}
