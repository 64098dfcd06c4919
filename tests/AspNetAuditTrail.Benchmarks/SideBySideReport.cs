using System.Globalization;
using System.Text;
using AspNetAuditTrail.Benchmarks.Ingest;
using AspNetAuditTrail.Benchmarks.Load;

namespace AspNetAuditTrail.Benchmarks;

/// <summary>The side-by-side run as Markdown: the machine, the load tables, the ingest table and the targets.</summary>
internal static class SideBySideReport
{
    public static string Write(SideBySideOptions options, string machine, IReadOnlyList<LoadRounds> rounds, IReadOnlyList<IngestResult> ingest)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        var load = rounds.Select(r => r.Median).ToArray();
        var bareRounds = rounds.Single(r => r.Setup.Store == AuditedStore.None);
        var bare = bareRounds.Median;
        Line($"Machine: {machine}.");
        Line($"Layout: {(CoreLayout.Split ? "the API (and SQLite inside it) alone on core 0, wrk and PostgreSQL on core 1 (taskset)" : "the API, wrk and PostgreSQL sharing both cores")}.");
        Line($"Load: wrk on the same machine, {options.Threads} threads, {options.Connections} connections; half GET /api/products/{{id}}, half POST /api/orders (112-byte JSON body with a masked card number). Each setup: {options.WarmUpSeconds} s warm-up, {options.DurationSeconds} s at full speed, {options.DurationSeconds} s paced at about {options.PacedRate:N0} requests/s; median of {options.Rounds} interleaved rounds (÷ bare: the median of each round's ratio; the spread: lowest to highest round).");
        Line($"PostgreSQL: a throwaway cluster on the same machine, default settings (fsync and synchronous_commit on, shared_buffers 128MB) but {string.Join(", ", BenchmarkDatabases.PostgreSqlSettings)}; its CPU is the postgres processes' time per request. SQLite: a file in WAL mode, synchronous FULL.");
        text.AppendLine();
        text.AppendLine("Full speed (each connection sends its next request as soon as the last one is answered):");
        text.AppendLine();
        text.AppendLine("| setup | requests/s | spread | ÷ bare | spread | p50 ms | p99 ms | API CPU/request | PostgreSQL CPU/request | allocated/request | events written | events lost (all rounds) | events spilled (all rounds) |");
        text.AppendLine("|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var setup in rounds)
        {
            var (r, audited) = (setup.Median, setup.Setup.Audited);
            var (ratio, low, high) = setup.RatioTo(bareRounds);
            var (slowest, fastest) = (setup.Runs.Min(x => x.Wrk.RequestsPerSecond), setup.Runs.Max(x => x.Wrk.RequestsPerSecond));
            Line($"| {r.Setup.Name} | {r.Wrk.RequestsPerSecond:N0} | {slowest:N0} to {fastest:N0} | {ratio:N2} | {(r.Setup.Store == AuditedStore.None ? "" : $"{low:N2} to {high:N2}")} | {r.Wrk.P50Ms:N2} | {r.Wrk.P99Ms:N2} | {r.CpuMicrosecondsPerRequest:N0} µs | {(r.Setup.Store == AuditedStore.PostgreSql ? $"{r.DatabaseCpuMicrosecondsPerRequest:N0} µs" : "")} | {r.AllocatedBytesPerRequest / 1024:N2} KB | {(audited ? r.EventsWritten.ToString("N0", CultureInfo.InvariantCulture) : "")} | {(audited ? setup.EventsLost.ToString(CultureInfo.InvariantCulture) : "")} | {(audited ? setup.Runs.Sum(x => x.Spilled).ToString("N0", CultureInfo.InvariantCulture) : "")} |");
        }

        text.AppendLine();
        Line($"Paced (about {options.PacedRate:N0} requests/s, room to spare):");
        text.AppendLine();
        text.AppendLine("| setup | requests/s | p50 ms | p99 ms | added p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in load)
        {
            Line($"| {r.Setup.Name} | {r.Paced.RequestsPerSecond:N0} | {r.Paced.P50Ms:N2} | {r.Paced.P99Ms:N2} | {(r.Setup.Store == AuditedStore.None ? "" : (r.Paced.P99Ms - bare.Paced.P99Ms).ToString("+0.00;-0.00", CultureInfo.InvariantCulture))} |");
        }

        text.AppendLine();
        Line($"Ingest: {ingest.FirstOrDefault()?.Events ?? 0:N0} request events (no bodies) from a full queue into rows, against the raw bulk path of the same rows into the same table:");
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
        LoadRounds? Find(LoadSetup wanted) => rounds.SingleOrDefault(r => r.Setup == wanted);
        var w3c = Find(new LoadSetup(AuditedStore.W3cFile, Bodies: false));
        foreach (var (store, minimum) in new[] { (AuditedStore.PostgreSql, 0.85), (AuditedStore.Sqlite, 0.80) })
        {
            if (Find(new LoadSetup(store, Bodies: false)) is { } setup)
            {
                var (r, ratio) = (setup.Median, setup.RatioTo(bareRounds).Median);
                var added = r.Paced.P99Ms - bare.Paced.P99Ms;
                var addedFull = r.Wrk.P99Ms - bare.Wrk.P99Ms;
                var toPeer = w3c is null ? double.NaN : setup.RatioTo(w3c).Median;
                var peer = w3c is null ? "" : $"; ÷ W3C log file {toPeer:N2} (target ≥ 1.00) {Mark(toPeer >= 1)}";
                Line($"- {r.Setup.Name}: audited ÷ bare {ratio:N2} (target ≥ {minimum:N2}) {Mark(ratio >= minimum)}{peer}; added p99 {added:N2} ms paced (target ≤ 1 ms) {Mark(added <= 1)}, {addedFull:N2} ms at full speed {Mark(addedFull <= 1)}");
            }
        }

        foreach (var store in new[] { AuditedStore.PostgreSql, AuditedStore.Sqlite })
        {
            var (background, strict) = (Find(new LoadSetup(store, Bodies: false)), Find(new LoadSetup(store, Bodies: false, Strict: true)));
            if (background is not null && Find(new LoadSetup(store, Bodies: true)) is { } bodies)
            {
                var ratio = bodies.RatioTo(background).Median;
                Line($"- {bodies.Setup.Name}: bodies on ÷ off {ratio:N2} (target ≥ 0.95) {Mark(ratio >= 0.95)}");
            }

            if (background is not null && strict is not null)
            {
                var ratio = strict.RatioTo(background).Median;
                Line($"- {strict.Setup.Name}: strict ÷ background {ratio:N2}{(store == AuditedStore.PostgreSql ? $" (target ≥ 0.80) {Mark(ratio >= 0.8)}" : "")}");
            }
        }

        if (Find(new LoadSetup(AuditedStore.Discard, Bodies: false)) is { } discard)
        {
            var added = Medians.Of(discard.Runs.Zip(bareRounds.Runs, (a, b) => a.CpuMicrosecondsPerRequest - b.CpuMicrosecondsPerRequest));
            Line($"- middleware on a real Kestrel request, store discarding: {added:N1} µs more API CPU per request than bare, the median of each round's difference (target ≤ 4 µs) {Mark(added <= 4)}");
        }

        if (Find(new LoadSetup(AuditedStore.Sqlite, Bodies: false)) is { } sqlite)
        {
            var spilled = sqlite.Runs.Sum(r => r.Spilled);
            Line($"- SQLite: events spilled to the journal at full speed, all rounds: {spilled:N0} (target 0) {Mark(spilled == 0)}");
        }

        foreach (var r in ingest)
        {
            Line($"- ingest {r.Store}: {r.Ratio:P0} of the raw bulk path (target ≥ 50 %) {Mark(r.Ratio >= 0.5)}");
        }

        Line($"- events lost, all rounds: {rounds.Sum(r => r.EventsLost)} (target 0) {Mark(rounds.All(r => r.EventsLost == 0))}");
        return text.ToString();
    }

    private static string Mark(bool met) => met ? "met" : "MISSED";
}
