using System.Buffers;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Relational;

/// <summary>A table whose rows are sealed: writes a row's canonical form without knowing its type at compile time.</summary>
internal interface ISealedTable
{
    string Name { get; }

    CanonicalLayout Layout { get; }

    void WriteCanonical(IAuditEvent row, CanonicalEncoder encoder, IBufferWriter<byte> output, Span<byte> personalDigest);
}
