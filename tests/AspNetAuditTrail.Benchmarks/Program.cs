using AspNetAuditTrail.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- side-by-side   (the load and ingest run)
// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- --filter '*HotPath*'   (BenchmarkDotNet)
if (args.FirstOrDefault() == "side-by-side")
{
    return await SideBySideRun.RunAsync(SideBySideOptions.Parse(args[1..]));
}

BenchmarkSwitcher.FromAssembly(typeof(SideBySideRun).Assembly).Run(args);
return 0;
