using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AspNetAuditTrail.Integrity;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// Writes rows in canonical form, version 1 (README "Tamper evidence"): the table's name, then each plain column's
/// value, then the SHA-256 of the personal columns' values. A value is one byte 0 for NULL, or one byte 1 and then:
/// an id as 16 bytes in RFC 4122 order; a time as microseconds since 1970 (8 bytes, big-endian, rounded down); 32- and
/// 64-bit integers in 4 and 8 bytes, big-endian; a double as its 8 IEEE 754 bytes, big-endian; a boolean as one byte
/// 0 or 1; text as its UTF-8 length (4 bytes, big-endian) and bytes; JSON as text in canonical form (see
/// <see cref="CanonicalJson"/>), or with a first byte 2 instead of 1, as it is, when it does not parse. The table name
/// is written as text without the first byte. One instance is not for concurrent use.
/// </summary>
internal sealed class CanonicalEncoder : IDisposable
{
    private const long MicrosecondsFrom1970To2000 = 946_684_800_000_000;
    private readonly HashingWriter _personal = new();
    private readonly CanonicalJson _json = new();
    private byte[] _text = new byte[1024];

    /// <summary>
    /// Writes a row whose column values (in the common form, see <c>FromDbValue</c>) <paramref name="value"/> gives;
    /// the personal digest is computed from them, or taken from <paramref name="storedDigest"/> (anonymised rows).
    /// A column <paramref name="raw"/> writes itself (true) is not asked for as a value.
    /// </summary>
    public void Write(
        CanonicalLayout layout, Func<int, object?> value, IBufferWriter<byte> output, Span<byte> personalDigest, string? storedDigest,
        Func<int, IBufferWriter<byte>, bool>? raw = null)
    {
        WriteBytes(output, layout.Table);
        foreach (var i in layout.Plain)
        {
            if (raw?.Invoke(i, output) != true)
            {
                WriteValue(output, layout.Types[i], value(i));
            }
        }

        if (storedDigest is null)
        {
            foreach (var i in layout.Personal)
            {
                if (raw?.Invoke(i, _personal) != true)
                {
                    WriteValue(_personal, layout.Types[i], value(i));
                }
            }

            _personal.Finish(personalDigest);
        }
        else if (!AuditChainHash.TryParse(storedDigest.AsSpan().Trim(), personalDigest))
        {
            personalDigest.Clear();
        }

        output.Write<byte>(personalDigest);
    }

    /// <summary>
    /// Writes a value from the bytes a reader holds for it, in the given form; throws <see cref="FormatException"/> when
    /// they cannot be such a value (wrong length, unknown version).
    /// </summary>
    public void WriteRaw(IBufferWriter<byte> output, AuditColumnType type, AuditRawForm form, ReadOnlySpan<byte> bytes)
    {
        switch (form)
        {
            case AuditRawForm.Utf8 when type == AuditColumnType.Json:
                WriteJson(output, bytes);
                break;
            case AuditRawForm.Utf8 when type == AuditColumnType.Text:
                output.Write<byte>([1]);
                WriteBytes(output, bytes);
                break;
            case AuditRawForm.VersionedUtf8 when bytes.Length > 0 && bytes[0] == 1:
                WriteRaw(output, type, AuditRawForm.Utf8, bytes[1..]);
                break;
            case AuditRawForm.BigEndian when bytes.Length == WidthOf(type):
                var span = output.GetSpan(1 + bytes.Length);
                span[0] = 1;
                bytes.CopyTo(span[1..]);
                output.Advance(1 + bytes.Length);
                break;
            case AuditRawForm.MicrosecondsSince2000 when type == AuditColumnType.Timestamp && bytes.Length == 8:
                WriteInt64(output, checked(BinaryPrimitives.ReadInt64BigEndian(bytes) + MicrosecondsFrom1970To2000));
                break;
            default:
                throw new FormatException($"{bytes.Length} bytes in {form} form are not a {type} value.");
        }
    }

    /// <summary>
    /// Ticks since an epoch as whole microseconds, rounded down (toward the past, also before the epoch): how the
    /// canonical form writes a time, and so how a store must keep one for its row to verify.
    /// </summary>
    internal static long MicrosecondsRoundedDown(long ticks) => ticks >= 0 ? ticks / 10 : ((ticks + 1) / 10) - 1;

    /// <summary>Writes NULL.</summary>
    private static void WriteNull(IBufferWriter<byte> output) => output.Write<byte>([0]);

    private static int WidthOf(AuditColumnType type) => type switch
    {
        AuditColumnType.Id => 16,
        AuditColumnType.Int32 => 4,
        AuditColumnType.Int64 or AuditColumnType.Double => 8,
        AuditColumnType.Boolean => 1,
        _ => -1,
    };

    private void WriteValue(IBufferWriter<byte> output, AuditColumnType type, object? value)
    {
        if (value is null)
        {
            WriteNull(output);
            return;
        }

        switch (type)
        {
            case AuditColumnType.Id:
                var id = output.GetSpan(17);
                id[0] = 1;
                ((Guid)value).TryWriteBytes(id[1..], bigEndian: true, out _);
                output.Advance(17);
                break;
            case AuditColumnType.Timestamp:
                WriteInt64(output, MicrosecondsRoundedDown(((DateTimeOffset)value).UtcTicks - DateTime.UnixEpoch.Ticks));
                break;
            case AuditColumnType.Int32:
                var int32 = output.GetSpan(5);
                int32[0] = 1;
                BinaryPrimitives.WriteInt32BigEndian(int32[1..], Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                output.Advance(5);
                break;
            case AuditColumnType.Int64:
                WriteInt64(output, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case AuditColumnType.Double:
                WriteInt64(output, BitConverter.DoubleToInt64Bits(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case AuditColumnType.Boolean:
                output.Write<byte>([1, (bool)value ? (byte)1 : (byte)0]);
                break;
            case AuditColumnType.Json:
                var text = (string)value;
                var length = Encoding.UTF8.GetByteCount(text);
                if (_text.Length < length)
                {
                    _text = new byte[Math.Max(length, _text.Length * 2)];
                }

                WriteJson(output, _text.AsSpan(0, Encoding.UTF8.GetBytes(text, _text)));
                break;
            default:
                output.Write<byte>([1]);
                WriteText(output, (string)value);
                break;
        }
    }

    /// <summary>JSON in canonical form after a byte 1, or as it is after a byte 2 when it does not parse.</summary>
    private void WriteJson(IBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        if (_json.TryCanonicalize(utf8, out var canonical))
        {
            output.Write<byte>([1]);
            WriteBytes(output, canonical);
        }
        else
        {
            output.Write<byte>([2]);
            WriteBytes(output, utf8);
        }
    }

    private static void WriteInt64(IBufferWriter<byte> output, long number)
    {
        var span = output.GetSpan(9);
        span[0] = 1;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], number);
        output.Advance(9);
    }

    private static void WriteText(IBufferWriter<byte> output, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var span = output.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        Encoding.UTF8.GetBytes(text, span[4..]);
        output.Advance(4 + length);
    }

    private static void WriteBytes(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        var span = output.GetSpan(4 + bytes.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, bytes.Length);
        bytes.CopyTo(span[4..]);
        output.Advance(4 + bytes.Length);
    }

    public void Dispose()
    {
        _json.Dispose();
        _personal.Dispose();
    }

    /// <summary>A buffer writer whose content is hashed (SHA-256) in one call at the end: one call, not one per value.</summary>
    private sealed class HashingWriter : IBufferWriter<byte>, IDisposable
    {
        private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = new byte[4096];
        private int _written;

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public void Advance(int count) => _written += count;

        public void Finish(Span<byte> digest)
        {
            _sha256.AppendData(_buffer.AsSpan(0, _written));
            _sha256.GetHashAndReset(digest);
            _written = 0;
        }

        public void Dispose() => _sha256.Dispose();

        private void Ensure(int sizeHint)
        {
            if (_buffer.Length - _written < Math.Max(sizeHint, 1))
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + sizeHint));
            }
        }
    }
}
