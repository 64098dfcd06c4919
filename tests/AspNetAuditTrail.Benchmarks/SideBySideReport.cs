using System.Globalization;
using System.Text;
using AspNetAuditTrail.Benchmarks.Ingest;
using AspNetAuditTrail.Benchmarks.Load;

namespace AspNetAuditTrail.Benchmarks;

/// <summary>The side-by-side run as Markdown: the machine, the load table, the ingest table and the targets.</summary>
internal static class SideBySideReport
{
    public static string Write(SideBySideOptions options, string machine, IReadOnlyList<LoadResult> load, IReadOnlyList<IngestResult> ingest)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        var bare = load.Single(r => r.Setup.Store == AuditedStore.None);
        Line($"Machine: {machine}.");
        Line($"Load: wrk, {options.Threads} threads, {options.Connections} connections, {options.DurationSeconds} s after {options.WarmUpSeconds} s of warm-up; half GET /api/products/{{id}}, half POST /api/orders (112-byte JSON body); median of {options.Rounds} interleaved round(s).");
        Line($"PostgreSQL: throwaway cluster on the same machine, default settings (fsync on, synchronous_commit on, shared_buffers 128MB) except {string.Join(", ", BenchmarkDatabases.PostgreSqlSettings)}. SQLite: a file in WAL mode, default synchronous (FULL).");
        text.AppendLine();
        text.AppendLine("| setup | requests/s | ÷ bare | p50 ms | p99 ms | added p99 ms | allocated/request | API CPU/request | PostgreSQL CPU/request | events written | events lost |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in load)
        {
            var audited = r.Setup.Store != AuditedStore.None;
            Line($"| {r.Setup.Name} | {r.Wrk.RequestsPerSecond:N0} | {(audited ? Ratio(r, bare).ToString("N3", CultureInfo.InvariantCulture) : "1")} | {r.Wrk.P50Ms:N2} | {r.Wrk.P99Ms:N2} | {(audited ? (r.Wrk.P99Ms - bare.Wrk.P99Ms).ToString("+0.00;-0.00", CultureInfo.InvariantCulture) : "")} | {r.AllocatedBytesPerRequest / 1024:N2} KB | {r.CpuMicrosecondsPerRequest:N0} µs | {(r.Setup.Store == AuditedStore.PostgreSql ? $"{r.DatabaseCpuMicrosecondsPerRequest:N0} µs" : "")} | {(audited ? r.EventsWritten.ToString("N0", CultureInfo.InvariantCulture) : "")} | {(audited ? r.EventsLost.ToString(CultureInfo.InvariantCulture) : "")} |");
        }

        text.AppendLine();
        Line($"Ingest: {ingest.FirstOrDefault()?.Events ?? 0:N0} request events (no bodies) from a full queue into rows, against the raw bulk path of the same rows.");
        text.AppendLine();
        text.AppendLine("| store | pipeline events/s | raw bulk events/s | raw bulk path | ratio |");
        text.AppendLine("|---|---:|---:|---|---:|");
        foreach (var r in ingest)
        {
            var raw = r.Store == AuditedStore.PostgreSql ? "one binary COPY" : "one transaction of prepared inserts";
            Line($"| {r.Store} | {r.PipelineEventsPerSecond:N0} | {r.RawEventsPerSecond:N0} | {raw} | {r.Ratio:P0} |");
        }

        text.AppendLine();
        text.AppendLine("Targets:");
        foreach (var (store, minimum) in new[] { (AuditedStore.PostgreSql, 0.95), (AuditedStore.Sqlite, 0.90) })
        {
            if (load.SingleOrDefault(r => r.Setup == new LoadSetup(store, Bodies: false)) is { } r)
            {
                Line($"- {r.Setup.Name}: audited ÷ bare {Ratio(r, bare):N3} (target ≥ {minimum:N2}) {Mark(Ratio(r, bare) >= minimum)}; added p99 {r.Wrk.P99Ms - bare.Wrk.P99Ms:N2} ms (target < 1 ms) {Mark(r.Wrk.P99Ms - bare.Wrk.P99Ms < 1)}; allocated {(r.AllocatedBytesPerRequest - bare.AllocatedBytesPerRequest) / 1024:N2} KB more per request than bare, writing included");
            }
        }

        foreach (var r in ingest)
        {
            Line($"- ingest {r.Store}: {r.Ratio:P0} of the raw bulk path (target ≥ 50 %) {Mark(r.Ratio >= 0.5)}");
        }

        Line($"- events lost: {load.Sum(r => r.EventsLost)} (target 0) {Mark(load.All(r => r.EventsLost == 0))}");
        return text.ToString();
    }

    private static double Ratio(LoadResult audited, LoadResult bare) => audited.Wrk.RequestsPerSecond / bare.Wrk.RequestsPerSecond;

    private static string Mark(bool met) => met ? "met" : "MISSED";
}
