using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using AspNetAuditTrail.Relational;
using Npgsql;

namespace AspNetAuditTrail.PostgreSql;

/// <summary>
/// Rows sent through a raw binary COPY, encoded here in PostgreSQL's binary COPY format: each value written straight
/// into a buffer that goes out in large writes, without the converter lookup and the awaited write per value of a
/// typed importer (which cost the app more per row than the server's own work). Values are encoded as Npgsql encodes
/// them (jsonb with its version byte), except that a time is always a time rounded down to the microsecond, as the
/// canonical form rounds it (also before 2000, and the first and last time are not made infinity), and text that is
/// not valid UTF-16 (a lone surrogate) is stored with U+FFFD in its place, as the other stores do, instead of failing
/// the batch.
/// </summary>
internal sealed class PostgreSqlCopyRows : IDisposable
{
    private const int FlushAt = 64 * 1024;
    private const long TicksFrom0001To2000 = 630_822_816_000_000_000;

    // "PGCOPY\n\xFF\r\n\0", then 32-bit flags and header extension length, both 0.
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(FlushAt * 2);
    private int _used;

    /// <summary>Copies the rows with the command (<c>COPY ... FROM STDIN (FORMAT BINARY)</c>); a failure cancels the copy.</summary>
    public static async Task CopyAsync<TEvent>(
        NpgsqlConnection connection, string copyCommand, IReadOnlyList<AuditColumn<TEvent>> columns, IReadOnlyList<TEvent> rows, CancellationToken cancellationToken)
    {
        using var encoded = new PostgreSqlCopyRows();
        var stream = await connection.BeginRawBinaryCopyAsync(copyCommand, cancellationToken);
        try
        {
            encoded.Write(Header);
            foreach (var row in rows)
            {
                encoded.WriteInt16((short)columns.Count);
                foreach (var column in columns)
                {
                    encoded.WriteValue(column.Type, column.ValueOf(row));
                }

                if (encoded._used >= FlushAt)
                {
                    await stream.WriteAsync(encoded._buffer.AsMemory(0, encoded._used), cancellationToken);
                    encoded._used = 0;
                }
            }

            encoded.WriteInt16(-1);
            await stream.WriteAsync(encoded._buffer.AsMemory(0, encoded._used), cancellationToken);
        }
        catch
        {
            // Nothing of a copy cut short may be taken as complete; the failure that cut it is the one reported.
            try
            {
                await stream.CancelAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ObjectDisposedException)
            {
                // The connection is broken or the server refused the copy already: either way it is not committed.
            }

            throw;
        }

        await stream.DisposeAsync();
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private void WriteValue(AuditColumnType type, object? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        var invariant = CultureInfo.InvariantCulture;
        switch (type)
        {
            case AuditColumnType.Id:
                WriteInt32(16);
                ((Guid)value).TryWriteBytes(Room(16), bigEndian: true, out _);
                _used += 16;
                break;
            case AuditColumnType.Timestamp:
                WriteInt32(8);
                WriteInt64(Microseconds(value is DateTimeOffset time ? time.UtcDateTime : Convert.ToDateTime(value, invariant).ToUniversalTime()));
                break;
            case AuditColumnType.Int32:
                WriteInt32(4);
                WriteInt32(value as int? ?? Convert.ToInt32(value, invariant));
                break;
            case AuditColumnType.Int64:
                WriteInt32(8);
                WriteInt64(value as long? ?? Convert.ToInt64(value, invariant));
                break;
            case AuditColumnType.Double:
                WriteInt32(8);
                WriteInt64(BitConverter.DoubleToInt64Bits(value as double? ?? Convert.ToDouble(value, invariant)));
                break;
            case AuditColumnType.Boolean:
                WriteInt32(1);
                Room(1)[0] = (value as bool? ?? Convert.ToBoolean(value, invariant)) ? (byte)1 : (byte)0;
                _used += 1;
                break;
            default:
                WriteText(Convert.ToString(value, invariant)!, jsonb: type == AuditColumnType.Json);
                break;
        }
    }

    /// <summary>A UTC time as timestamptz: microseconds since 2000, rounded down as the canonical form rounds them.</summary>
    private static long Microseconds(DateTime utc) => CanonicalEncoder.MicrosecondsRoundedDown(utc.Ticks - TicksFrom0001To2000);

    private void WriteText(string text, bool jsonb)
    {
        var version = jsonb ? 1 : 0;
        var room = Room(4 + version + Encoding.UTF8.GetMaxByteCount(text.Length));
        if (jsonb)
        {
            room[4] = 1;
        }

        var length = Encoding.UTF8.GetBytes(text, room[(4 + version)..]);
        BinaryPrimitives.WriteInt32BigEndian(room, version + length);
        _used += 4 + version + length;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Room(bytes.Length));
        _used += bytes.Length;
    }

    private void WriteInt16(short number)
    {
        BinaryPrimitives.WriteInt16BigEndian(Room(2), number);
        _used += 2;
    }

    private void WriteInt32(int number)
    {
        BinaryPrimitives.WriteInt32BigEndian(Room(4), number);
        _used += 4;
    }

    private void WriteInt64(long number)
    {
        BinaryPrimitives.WriteInt64BigEndian(Room(8), number);
        _used += 8;
    }

    /// <summary>At least <paramref name="size"/> bytes of room after what is written, the buffer grown when short.</summary>
    private Span<byte> Room(int size)
    {
        if (_buffer.Length - _used < size)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + size));
            _buffer.AsSpan(0, _used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_used);
    }
}
