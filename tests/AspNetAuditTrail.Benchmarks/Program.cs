using AspNetAuditTrail.Benchmarks;
using AspNetAuditTrail.Benchmarks.Flood;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- side-by-side   (the load and ingest run)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- --filter '*HotPath*'   (BenchmarkDotNet)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- middleware   (the bare API against the API audited into a store that discards its rows)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- flood   (memory under a flood of large bodies)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- collector   (ingest over HTTP against the store's own)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- retention   (removing a million old rows; the API while retention runs)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- integrity   (the hash chain's cost per row and on ingest; verify on a million rows)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- queries   (each admin filter's first page on a million rows, and the plan behind it)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- indexes   (what each index of the request table costs per row written)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- changes   (change capture's cost inside SaveChanges of 1,000 entities)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- nats   (apps through JetStream to PostgreSQL, one and two collectors, against direct ingest)
switch (args.FirstOrDefault())
{
    case "side-by-side":
        return await SideBySideRun.RunAsync(SideBySideOptions.Parse(args[1..]), args);
    case "middleware":
        return await SideBySideRun.RunAsync(SideBySideOptions.Parse(args[1..]) with { MiddlewareOnly = true, PostgreSql = false, Peers = false }, args);
    case "flood":
        return await FloodRun.RunAsync();
    case "collector":
        return await AspNetAuditTrail.Benchmarks.Collector.CollectorRun.RunAsync(args[1..]);
    case "retention":
        return await AspNetAuditTrail.Benchmarks.Retention.RetentionRun.RunAsync(args[1..]);
    case "integrity":
        return await AspNetAuditTrail.Benchmarks.Integrity.IntegrityRun.RunAsync(args[1..]);
    case "queries":
        return await AspNetAuditTrail.Benchmarks.Queries.QueryTimesRun.RunAsync(args[1..]);
    case "indexes":
        return await AspNetAuditTrail.Benchmarks.Queries.IndexCostRun.RunAsync(args[1..]);
    case "changes":
        return await AspNetAuditTrail.Benchmarks.Changes.ChangeCaptureRun.RunAsync(args[1..]);
    case "nats":
        return await AspNetAuditTrail.Benchmarks.Nats.NatsRun.RunAsync(args[1..]);
    case "nats-collector":
        return await AspNetAuditTrail.Benchmarks.Nats.NatsRun.ServeAsync(args[1], args[2], args[3], args[4]);
    case "collector-api":
        return await AspNetAuditTrail.Benchmarks.Collector.CollectorRun.ServeAsync(args[1], args[2], args[3]);
    case "flood-api":
        return await FloodRun.ServeAsync(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
}

BenchmarkSwitcher.FromAssembly(typeof(SideBySideRun).Assembly).Run(args);
return 0;
