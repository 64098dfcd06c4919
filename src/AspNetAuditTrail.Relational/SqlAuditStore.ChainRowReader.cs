using System.Buffers;
using System.Data.Common;
using System.Text.Json;

namespace AspNetAuditTrail.Relational;

/// <summary>The canonical form of each row a chain read gives, its values read column by column or unpacked.</summary>
public abstract partial class SqlAuditStore
{
    /// <summary>
    /// Puts each row of a chain read in canonical form. A column whose bytes the dialect can take as they are
    /// (<see cref="RawForm"/>), and text in a packed row, go into the form straight from those bytes: no string, no
    /// boxed value on the way. Every other column is read as a value.
    /// </summary>
    private sealed class ChainRowReader : IDisposable
    {
        private readonly SqlAuditStore _store;
        private readonly DbDataReader _reader;
        private readonly CanonicalLayout _layout;
        private readonly int[] _ordinals;
        private readonly int[] _inPack;
        private readonly int _packedAt;
        private readonly AuditRawForm[] _direct;
        private readonly object?[] _values;
        private readonly AuditRawForm[] _forms;
        private readonly int[] _starts;
        private readonly int[] _lengths;
        private readonly Func<int, object?> _value;
        private readonly Func<int, IBufferWriter<byte>, bool> _raw;
        private readonly CanonicalEncoder _encoder = new();
        private readonly ArrayBufferWriter<byte> _output = new(1024);
        private readonly byte[] _personal = new byte[32];
        private byte[] _bytes = new byte[4096];
        private int _used;

        public ChainRowReader(SqlAuditStore store, DbDataReader reader, CanonicalLayout layout, int[] ordinals, int[] inPack, int packedAt)
        {
            (_store, _reader, _layout, _ordinals, _inPack, _packedAt) = (store, reader, layout, ordinals, inPack, packedAt);
            _direct = [.. ordinals.Select((o, i) => o < 0 ? AuditRawForm.None : store.RawForm(reader, o, layout.Types[i]))];
            (_values, _forms, _starts, _lengths) = (new object?[ordinals.Length], new AuditRawForm[ordinals.Length], new int[ordinals.Length], new int[ordinals.Length]);
            _value = i => _values[i];
            _raw = WriteRaw;
        }

        /// <summary>The current row's canonical form; empty when a value cannot be read as its column's type.</summary>
        public byte[] Canonical(string? storedDigest)
        {
            try
            {
                _used = 0;
                for (var i = 0; i < _ordinals.Length; i++)
                {
                    (_forms[i], _values[i]) = (AuditRawForm.None, null);
                    if (_ordinals[i] < 0 || _reader.IsDBNull(_ordinals[i]))
                    {
                        continue;
                    }

                    if (_direct[i] != AuditRawForm.None)
                    {
                        ReadBytes(i);
                    }
                    else
                    {
                        // Text, most of a row, as it is: no boxing and converting on the way.
                        _values[i] = IsText(_layout.Types[i]) ? _reader.GetString(_ordinals[i]) : _store.FromDbValue(_layout.Types[i], _reader.GetValue(_ordinals[i]));
                    }
                }

                if (_packedAt >= 0)
                {
                    Unpack(_reader.GetFieldValue<byte[]>(_packedAt));
                }

                _output.ResetWrittenCount();
                _encoder.Write(_layout, _value, _output, _personal, storedDigest, _raw);
                return _output.WrittenSpan.ToArray();
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or JsonException or InvalidOperationException)
            {
                return [];
            }
        }

        public void Dispose() => _encoder.Dispose();

        private static bool IsText(AuditColumnType type) => type is AuditColumnType.Text or AuditColumnType.Json;

        private bool WriteRaw(int column, IBufferWriter<byte> output)
        {
            if (_forms[column] == AuditRawForm.None)
            {
                return false;
            }

            _encoder.WriteRaw(output, _layout.Types[column], _forms[column], _bytes.AsSpan(_starts[column], _lengths[column]));
            return true;
        }

        /// <summary>A column's bytes into this row's buffer: one call when they fit in the room left, which they mostly do.</summary>
        private void ReadBytes(int column)
        {
            var room = _bytes.Length - _used;
            var length = room > 0 ? checked((int)_reader.GetBytes(_ordinals[column], 0, _bytes, _used, room)) : room;
            if (length == room)
            {
                length = checked((int)_reader.GetBytes(_ordinals[column], 0, null, 0, 0));
                _reader.GetBytes(_ordinals[column], 0, Reserve(column, _direct[column], length), _starts[column], length);
                return;
            }

            Reserve(column, _direct[column], length);
        }

        /// <summary>Room for a column's bytes in this row's buffer, marked as held in the given form; the buffer.</summary>
        private byte[] Reserve(int column, AuditRawForm form, int length)
        {
            if (_bytes.Length - _used < length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + length));
            }

            (_forms[column], _starts[column], _lengths[column]) = (form, _used, length);
            _used += length;
            return _bytes;
        }

        /// <summary>
        /// The values of a packed row, each as reading its column would give it: text as its UTF-8 bytes (a number stored
        /// in a text column as its digits), other types through <see cref="FromDbValue"/> from a string, an integer or a double.
        /// </summary>
        private void Unpack(byte[] packed)
        {
            var json = new Utf8JsonReader(packed);
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("A packed row is not a JSON array.");
            }

            foreach (var i in _inPack)
            {
                json.Read();
                var type = _layout.Types[i];
                if (IsText(type) && json.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    var bytes = Reserve(i, AuditRawForm.Utf8, json.ValueSpan.Length);
                    _lengths[i] = json.TokenType == JsonTokenType.String ? json.CopyString(bytes.AsSpan(_starts[i])) : Copy(json.ValueSpan, bytes.AsSpan(_starts[i]));
                    _used = _starts[i] + _lengths[i];
                    continue;
                }

                _values[i] = json.TokenType switch
                {
                    JsonTokenType.Null => IsText(type) ? null : _store.FromDbValue(type, DBNull.Value),
                    JsonTokenType.String => _store.FromDbValue(type, json.GetString()),
                    JsonTokenType.Number => _store.FromDbValue(type, json.TryGetInt64(out var integer) ? integer : json.GetDouble()),
                    _ => throw new JsonException($"A packed row holds a {json.TokenType} at column {i}."),
                };
            }
        }

        private static int Copy(ReadOnlySpan<byte> from, Span<byte> to)
        {
            from.CopyTo(to);
            return from.Length;
        }
    }
}
