using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;

namespace AspNetAuditTrail.Relational;

/// <summary>The canonical form of each row a chain read gives, its values read column by column or unpacked.</summary>
public abstract partial class SqlAuditStore
{
    private sealed class ChainRowReader(SqlAuditStore store, DbDataReader reader, CanonicalLayout layout, int[] ordinals, int[] inPack, int packedAt) : IDisposable
    {
        private readonly object?[] _values = new object?[ordinals.Length];
        private readonly CanonicalEncoder _encoder = new();
        private readonly ArrayBufferWriter<byte> _output = new(1024);
        private readonly byte[] _personal = new byte[32];

        /// <summary>The current row's canonical form; empty when a value cannot be read as its column's type.</summary>
        public byte[] Canonical(string? storedDigest)
        {
            try
            {
                for (var i = 0; i < ordinals.Length; i++)
                {
                    // Text, most of a row, as it is: no boxing and converting on the way.
                    _values[i] = ordinals[i] < 0 ? null
                        : IsText(layout.Types[i]) ? reader.IsDBNull(ordinals[i]) ? null : reader.GetString(ordinals[i])
                        : store.FromDbValue(layout.Types[i], reader.GetValue(ordinals[i]));
                }

                if (packedAt >= 0)
                {
                    Unpack(reader.GetFieldValue<byte[]>(packedAt));
                }

                _output.ResetWrittenCount();
                _encoder.Write(layout, i => _values[i], _output, _personal, storedDigest);
                return _output.WrittenSpan.ToArray();
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or JsonException or InvalidOperationException)
            {
                return [];
            }
        }

        public void Dispose() => _encoder.Dispose();

        private static bool IsText(AuditColumnType type) => type is AuditColumnType.Text or AuditColumnType.Json;

        /// <summary>
        /// The values of a packed row, each as reading its column would give it: text as text (a number stored in a
        /// text column as its digits), other types through <see cref="FromDbValue"/> from a string, an integer or a double.
        /// </summary>
        private void Unpack(byte[] packed)
        {
            var json = new Utf8JsonReader(packed);
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("A packed row is not a JSON array.");
            }

            foreach (var i in inPack)
            {
                json.Read();
                var type = layout.Types[i];
                _values[i] = json.TokenType switch
                {
                    JsonTokenType.Null => IsText(type) ? null : store.FromDbValue(type, DBNull.Value),
                    JsonTokenType.String => IsText(type) ? json.GetString() : store.FromDbValue(type, json.GetString()),
                    JsonTokenType.Number when IsText(type) => Encoding.UTF8.GetString(json.ValueSpan),
                    JsonTokenType.Number => store.FromDbValue(type, json.TryGetInt64(out var integer) ? integer : json.GetDouble()),
                    _ => throw new JsonException($"A packed row holds a {json.TokenType} at column {i}."),
                };
            }
        }
    }
}
