using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AspNetAuditTrail.Sqlite;

/// <summary>
/// Inserts rows through one prepared statement on an open connection, each value bound by its position: no parameter
/// objects, no lookup by name, and text bound as UTF-8 from one reused buffer, every character kept (a NUL as well).
/// A busy or locked database is waited for as the ADO.NET provider waits (the connection's default timeout).
/// </summary>
internal sealed class SqliteRowWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly TimeSpan _timeout;
    private byte[] _utf8 = new byte[4096];

    /// <summary>Prepares the insert, whose parameters must be <paramref name="parameterNames"/>, in that order.</summary>
    public SqliteRowWriter(SqliteConnection connection, string sql, IReadOnlyList<string> parameterNames)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _timeout = TimeSpan.FromSeconds(connection.DefaultTimeout);
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
        var count = raw.sqlite3_bind_parameter_count(_statement);
        if (count != parameterNames.Count || Enumerable.Range(0, count).Any(i => raw.sqlite3_bind_parameter_name(_statement, i + 1).utf8_to_string() != parameterNames[i]))
        {
            _statement.Dispose();
            throw new InvalidOperationException("The insert's parameters are not its columns in order.");
        }
    }

    /// <summary>Binds a value as the store writes it (<c>ToDbValue</c>) at a position (from 1).</summary>
    public void Bind(int position, object value) => SqliteException.ThrowExceptionForRC(value switch
    {
        DBNull => raw.sqlite3_bind_null(_statement, position),
        string { Length: 0 } => raw.sqlite3_bind_text(_statement, position, string.Empty),
        string text => raw.sqlite3_bind_text(_statement, position, Utf8(text)),
        int number => raw.sqlite3_bind_int64(_statement, position, number),
        long number => raw.sqlite3_bind_int64(_statement, position, number),
        double number => raw.sqlite3_bind_double(_statement, position, number),
        _ => throw new InvalidCastException($"A value of type {value.GetType()} cannot be written to SQLite."),
    }, _db);

    /// <summary>Runs the insert with the values bound, then readies it for the next row.</summary>
    public void Insert()
    {
        var waited = Stopwatch.StartNew();
        int rc;
        while ((rc = raw.sqlite3_step(_statement)) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && waited.Elapsed < _timeout)
        {
            raw.sqlite3_reset(_statement);
            Thread.Sleep(150);
        }

        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();

    private ReadOnlySpan<byte> Utf8(string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < most)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }

        return _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8));
    }
}
