using System.Buffers;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Integrity;

/// <summary>
/// The canonical form of rows (version 1, README "Tamper evidence"), as the store that keeps them defines their
/// columns: a store that implements it has its rows sealed into the writer's hash chain.
/// </summary>
public interface IAuditCanonicalForm
{
    /// <summary>
    /// Writes the row's canonical form to <paramref name="output"/>, the SHA-256 of its personal part included, and
    /// puts that digest in <paramref name="personalDigest"/> (32 bytes).
    /// </summary>
    void Write(IAuditEvent row, IBufferWriter<byte> output, Span<byte> personalDigest);
}
