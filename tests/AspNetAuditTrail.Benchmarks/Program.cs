using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AspNetAuditTrail.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(AspNetAuditTrail.Benchmarks.RequestsReportBenchmark).Assembly).Run(args);
