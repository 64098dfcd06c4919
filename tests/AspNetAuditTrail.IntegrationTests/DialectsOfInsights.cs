using AspNetAuditTrail.IntegrationTests.Databases;

#pragma warning disable SA1402, SA1649 // The suites' dialect variants stand together, one line each.

namespace AspNetAuditTrail.IntegrationTests;

public sealed class SqliteInsightTests() : InsightTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlInsightTests(PostgreSqlServer server) : InsightTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerInsightTests(SqlServerServer server) : InsightTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteCliReportTests() : CliReportTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCliReportTests(PostgreSqlServer server) : CliReportTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerCliReportTests(SqlServerServer server) : CliReportTests(new SqlServerAuditDatabase(server, fresh: false));
