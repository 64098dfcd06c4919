using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Integrity;
using Dapper;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// Tamper evidence in <see cref="SqlAuditStore"/>: the rows' canonical form (from the column model), the
/// <c>audit_checkpoint</c> table as a checkpoint sink, and what verification reads back.
/// </summary>
public abstract partial class SqlAuditStore : IAuditCanonicalForm, IAuditCheckpointSink, IAuditIntegrityReader
{
    // One encoder per thread: the writer seals a batch's rows on every core.
    private readonly ThreadLocal<CanonicalEncoder> _encoders = new(() => new CanonicalEncoder());

    /// <inheritdoc />
    public string Name => "audit database " + Identity;

    private string InsertCheckpointSql =>
        $"INSERT INTO {TableName(AuditTables.Checkpoint)} (chain_id, sequence, kind, chain_hash, created_at, writer, key_id, signature) " +
        "SELECT @chain, @sequence, @kind, @hash, @createdAt, @writer, @keyId, @signature " +
        $"WHERE NOT EXISTS (SELECT 1 FROM {TableName(AuditTables.Checkpoint)} WHERE chain_id = @chain AND sequence = @sequence AND kind = @kind)";

    private string CheckpointsSql => $"SELECT chain_id, sequence, kind, chain_hash, created_at, writer, key_id, signature FROM {TableName(AuditTables.Checkpoint)}";

    /// <inheritdoc />
    public void Write(IAuditEvent row, IBufferWriter<byte> output, Span<byte> personalDigest)
    {
        ArgumentNullException.ThrowIfNull(row);
        AuditTables.Of(row).WriteCanonical(row, _encoders.Value!, output, personalDigest);
    }

    /// <inheritdoc />
    public async Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertCheckpointSql, CheckpointParameters(checkpoint), cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync(new CommandDefinition(CheckpointsSql, cancellationToken: cancellationToken));
        return [.. rows.Cast<IDictionary<string, object?>>().Select(r => new AuditCheckpoint
        {
            ChainId = (Guid)FromDbValue(AuditColumnType.Id, r["chain_id"])!,
            Sequence = (long)FromDbValue(AuditColumnType.Int64, r["sequence"])!,
            Kind = Enum.TryParse<AuditCheckpointKind>((string)FromDbValue(AuditColumnType.Text, r["kind"])!, out var kind) ? kind : (AuditCheckpointKind)(-1),
            ChainHash = ((string)FromDbValue(AuditColumnType.Text, r["chain_hash"])!).Trim(),
            CreatedAt = (DateTimeOffset)FromDbValue(AuditColumnType.Timestamp, r["created_at"])!,
            Writer = (string)FromDbValue(AuditColumnType.Text, r["writer"])!,
            KeyId = (string)FromDbValue(AuditColumnType.Text, r["key_id"])!,
            Signature = (string)FromDbValue(AuditColumnType.Text, r["signature"])!,
        })];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditChainExtent>> ReadChainsAsync(CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var extents = new Dictionary<Guid, AuditChainExtent>();
        foreach (var table in AuditTables.All)
        {
            var rows = await connection.QueryAsync(new CommandDefinition(ChainsSql(table.Name), cancellationToken: cancellationToken));
            foreach (var row in rows.Cast<IDictionary<string, object?>>())
            {
                var chain = (Guid)FromDbValue(AuditColumnType.Id, row["chain_id"])!;
                var (first, last, count) = ((long)FromDbValue(AuditColumnType.Int64, row["first_seq"])!, (long)FromDbValue(AuditColumnType.Int64, row["last_seq"])!, (long)FromDbValue(AuditColumnType.Int64, row["n"])!);
                extents[chain] = extents.TryGetValue(chain, out var known)
                    ? new AuditChainExtent(chain, Math.Min(first, known.FirstSequence), Math.Max(last, known.LastSequence), known.Rows + count)
                    : new AuditChainExtent(chain, first, last, count);
            }
        }

        return [.. extents.Values];
    }

    /// <inheritdoc />
    /// <remarks>
    /// The range is read in slices of <see cref="ChainSlice"/> places, as many at a time as the machine has cores (each
    /// on its connections), and given back in order: reading, not hashing, is what verification waits for.
    /// </remarks>
    public async IAsyncEnumerable<AuditChainRow> ReadChainAsync(Guid chainId, long from, long to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await ReadExtentAsync(chainId, cancellationToken) is not var (first, last))
        {
            yield break;
        }

        (from, to) = (Math.Max(from, first), Math.Min(to, last));
        var slices = new Queue<Task<List<AuditChainRow>>>();
        var next = from;
        void Fill()
        {
            while (slices.Count < Math.Max(2, Environment.ProcessorCount) && next <= to)
            {
                var (start, end) = (next, Math.Min(to, next + ChainSlice - 1));
                slices.Enqueue(Task.Run(() => ReadSliceAsync(chainId, start, end, cancellationToken), cancellationToken));
                next = end + 1;
            }
        }

        Fill();
        while (slices.Count > 0)
        {
            var slice = await slices.Dequeue();
            Fill();
            foreach (var row in slice)
            {
                yield return row;
            }
        }
    }

    /// <summary>The lowest and highest place of the chain's stored rows; null when it has none.</summary>
    private async Task<(long First, long Last)?> ReadExtentAsync(Guid chainId, CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        (long First, long Last)? extent = null;
        foreach (var table in AuditTables.All)
        {
            var row = (IDictionary<string, object?>)await connection.QuerySingleAsync(new CommandDefinition(
                ExtentSql(table.Name), new { chain = ToDbValue(AuditColumnType.Id, chainId) }, cancellationToken: cancellationToken));
            if (FromDbValue(AuditColumnType.Int64, row["first_seq"]) is long first && FromDbValue(AuditColumnType.Int64, row["last_seq"]) is long last)
            {
                extent = extent is { } known ? (Math.Min(first, known.First), Math.Max(last, known.Last)) : (first, last);
            }
        }

        return extent;
    }

    private string ExtentSql(string table) => $"SELECT MIN(chain_seq) AS first_seq, MAX(chain_seq) AS last_seq FROM {TableName(table)} WHERE chain_id = @chain";

    /// <summary>How many places of a chain one read takes at most.</summary>
    private const long ChainSlice = 20_000;

    /// <inheritdoc />
    public async Task<(IReadOnlyList<AuditRowReference> Rows, long Total)> ReadUnsealedAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var parameters = new { since = ToDbValue(AuditColumnType.Timestamp, since) };
        var found = new List<AuditRowReference>();
        long total = 0;
        foreach (var table in AuditTables.All)
        {
            total += Convert.ToInt64(await connection.ExecuteScalarAsync(new CommandDefinition(CountSql(table.Name, UnsealedWhere(table.Name)), parameters, cancellationToken: cancellationToken)), CultureInfo.InvariantCulture);
            var rows = await connection.QueryAsync(new CommandDefinition(UnsealedSql(table.Name, limit), parameters, cancellationToken: cancellationToken));
            found.AddRange(rows.Cast<IDictionary<string, object?>>().Select(r => new AuditRowReference(
                table.Name, (Guid)FromDbValue(AuditColumnType.Id, r["id"])!, (DateTimeOffset)FromDbValue(AuditColumnType.Timestamp, r["occurred_at"])!)));
        }

        return ([.. found.Take(limit)], total);
    }

    /// <summary>
    /// Rows no writer sealed. Changes a database trigger recorded (<c>source = 'Database'</c>) are not sealed by design:
    /// the database wrote them, so they prove no more than it does (README, "Tamper evidence").
    /// </summary>
    private static string UnsealedWhere(string table) =>
        table == AuditTables.EntityChange.Name
            ? "a.chain_id IS NULL AND a.occurred_at >= @since AND a.source <> 'Database'"
            : "a.chain_id IS NULL AND a.occurred_at >= @since";

    private string ChainsSql(string table) =>
        $"SELECT chain_id, MIN(chain_seq) AS first_seq, MAX(chain_seq) AS last_seq, COUNT(*) AS n FROM {TableName(table)} WHERE chain_id IS NOT NULL GROUP BY chain_id";

    private string UnsealedSql(string table, int limit) =>
        Limit($"SELECT a.id, a.occurred_at FROM {TableName(table)} a WHERE {UnsealedWhere(table)} ORDER BY a.occurred_at, a.id", limit);

    private object CheckpointParameters(AuditCheckpoint checkpoint) => new
    {
        chain = ToDbValue(AuditColumnType.Id, checkpoint.ChainId),
        sequence = checkpoint.Sequence,
        kind = checkpoint.Kind.ToString(),
        hash = checkpoint.ChainHash,
        createdAt = ToDbValue(AuditColumnType.Timestamp, checkpoint.CreatedAt),
        writer = checkpoint.Writer,
        keyId = checkpoint.KeyId,
        signature = checkpoint.Signature,
    };

    /// <summary>Every integrity statement, for syntax checks.</summary>
    internal IEnumerable<string> IntegrityStatements() =>
        [.. RetentionCutStatements(), InsertCheckpointSql, CheckpointsSql, .. AuditTables.All.SelectMany(t => new[] { ChainsSql(t.Name), ExtentSql(t.Name), ChainRowsSql(t.Name), UnsealedSql(t.Name, 10), CountSql(t.Name, UnsealedWhere(t.Name)) })];
}
