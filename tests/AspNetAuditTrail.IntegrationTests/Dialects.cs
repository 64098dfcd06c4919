using AspNetAuditTrail.IntegrationTests.Databases;

#pragma warning disable SA1402, SA1649 // The suites' dialect variants stand together, one line each.

namespace AspNetAuditTrail.IntegrationTests;

// Every integration suite runs on every dialect. SQLite gets a fresh file per test; PostgreSQL and SQL Server
// share one database per suite run, emptied by Respawn before each test, except the suites that watch the
// schema being made, which get a fresh database.

public sealed class SqliteRequestAuditTests() : RequestAuditTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlRequestAuditTests(PostgreSqlServer server) : RequestAuditTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerRequestAuditTests(SqlServerServer server) : RequestAuditTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteHandlerDetailsTests() : HandlerDetailsTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlHandlerDetailsTests(PostgreSqlServer server) : HandlerDetailsTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerHandlerDetailsTests(SqlServerServer server) : HandlerDetailsTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteExceptionCaptureTests() : ExceptionCaptureTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlExceptionCaptureTests(PostgreSqlServer server) : ExceptionCaptureTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerExceptionCaptureTests(SqlServerServer server) : ExceptionCaptureTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteSkipAuditTests() : SkipAuditTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSkipAuditTests(PostgreSqlServer server) : SkipAuditTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerSkipAuditTests(SqlServerServer server) : SkipAuditTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteEndpointSettingsTests() : EndpointSettingsTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlEndpointSettingsTests(PostgreSqlServer server) : EndpointSettingsTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerEndpointSettingsTests(SqlServerServer server) : EndpointSettingsTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteSchemaTests() : SchemaTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSchemaTests(PostgreSqlServer server) : SchemaTests(new PostgreSqlAuditDatabase(server, fresh: true));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerSchemaTests(SqlServerServer server) : SchemaTests(new SqlServerAuditDatabase(server, fresh: true));

public sealed class SqliteMigrationTests() : MigrationTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMigrationTests(PostgreSqlServer server) : MigrationTests(new PostgreSqlAuditDatabase(server, fresh: true));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerMigrationTests(SqlServerServer server) : MigrationTests(new SqlServerAuditDatabase(server, fresh: true));

public sealed class SqliteBulkWriteTests() : BulkWriteTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlBulkWriteTests(PostgreSqlServer server) : BulkWriteTests(new PostgreSqlAuditDatabase(server, fresh: true));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerBulkWriteTests(SqlServerServer server) : BulkWriteTests(new SqlServerAuditDatabase(server, fresh: true));

public sealed class SqliteLoginAuditTests() : LoginAuditTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlLoginAuditTests(PostgreSqlServer server) : LoginAuditTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerLoginAuditTests(SqlServerServer server) : LoginAuditTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteAuthenticationHookTests() : AuthenticationHookTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAuthenticationHookTests(PostgreSqlServer server) : AuthenticationHookTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerAuthenticationHookTests(SqlServerServer server) : AuthenticationHookTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteProcessAuditTests() : ProcessAuditTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlProcessAuditTests(PostgreSqlServer server) : ProcessAuditTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerProcessAuditTests(SqlServerServer server) : ProcessAuditTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteReaderTests() : ReaderTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlReaderTests(PostgreSqlServer server) : ReaderTests(new PostgreSqlAuditDatabase(server, fresh: true));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerReaderTests(SqlServerServer server) : ReaderTests(new SqlServerAuditDatabase(server, fresh: true));

public sealed class SqliteReadBackTests() : ReadBackTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlReadBackTests(PostgreSqlServer server) : ReadBackTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerReadBackTests(SqlServerServer server) : ReadBackTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteBusinessEventTests() : BusinessEventTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlBusinessEventTests(PostgreSqlServer server) : BusinessEventTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerBusinessEventTests(SqlServerServer server) : BusinessEventTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteCollectorTests() : CollectorTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCollectorTests(PostgreSqlServer server) : CollectorTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerCollectorTests(SqlServerServer server) : CollectorTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteForwardingTests() : ForwardingTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlForwardingTests(PostgreSqlServer server) : ForwardingOutageTests(new PostgreSqlAuditDatabase(server, fresh: false));

public sealed class SqliteCliTests() : CliTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCliTests(PostgreSqlServer server) : CliTests(new PostgreSqlAuditDatabase(server, fresh: true));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerCliTests(SqlServerServer server) : CliTests(new SqlServerAuditDatabase(server, fresh: true));

public sealed class SqliteTenantTests() : TenantTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTenantTests(PostgreSqlServer server) : TenantTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerTenantTests(SqlServerServer server) : TenantTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteTenantViewerTests() : TenantViewerTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTenantViewerTests(PostgreSqlServer server) : TenantViewerTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerTenantViewerTests(SqlServerServer server) : TenantViewerTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteRetentionTests() : RetentionTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlRetentionTests(PostgreSqlServer server) : RetentionTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPartitionedRetentionTests(PostgreSqlServer server) : RetentionTests(new PostgreSqlAuditDatabase(server, fresh: true, partitioned: true));

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPartitionedReadBackTests(PostgreSqlServer server) : ReadBackTests(new PostgreSqlAuditDatabase(server, fresh: true, partitioned: true));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerRetentionTests(SqlServerServer server) : RetentionTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteCliRetentionTests() : CliRetentionTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCliRetentionTests(PostgreSqlServer server) : CliRetentionTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerCliRetentionTests(SqlServerServer server) : CliRetentionTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteAnonymizationTests() : AnonymizationTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAnonymizationTests(PostgreSqlServer server) : AnonymizationTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerAnonymizationTests(SqlServerServer server) : AnonymizationTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteCliPersonalDataTests() : CliPersonalDataTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCliPersonalDataTests(PostgreSqlServer server) : CliPersonalDataTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerCliPersonalDataTests(SqlServerServer server) : CliPersonalDataTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteAppendOnlyTests() : AppendOnlyTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAppendOnlyTests(PostgreSqlServer server) : AppendOnlyTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPartitionedAppendOnlyTests(PostgreSqlServer server) : AppendOnlyTests(new PostgreSqlAuditDatabase(server, fresh: true, partitioned: true));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerAppendOnlyTests(SqlServerServer server) : AppendOnlyTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteIntegrityTests() : IntegrityTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlIntegrityTests(PostgreSqlServer server) : IntegrityTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPartitionedIntegrityTests(PostgreSqlServer server) : IntegrityTests(new PostgreSqlAuditDatabase(server, fresh: true, partitioned: true));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerIntegrityTests(SqlServerServer server) : IntegrityTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteIntegrityEndpointTests() : IntegrityEndpointTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlIntegrityEndpointTests(PostgreSqlServer server) : IntegrityEndpointTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerIntegrityEndpointTests(SqlServerServer server) : IntegrityEndpointTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteCliIntegrityTests() : CliIntegrityTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCliIntegrityTests(PostgreSqlServer server) : CliIntegrityTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerCliIntegrityTests(SqlServerServer server) : CliIntegrityTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteCollectorCheckpointTests() : CollectorCheckpointTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCollectorCheckpointTests(PostgreSqlServer server) : CollectorCheckpointTests(new PostgreSqlAuditDatabase(server, fresh: false));

public sealed class SqliteAdminApiTests() : AdminApiTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAdminApiTests(PostgreSqlServer server) : AdminApiTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerAdminApiTests(SqlServerServer server) : AdminApiTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqlitePdfReportTests() : PdfReportTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPdfReportTests(PostgreSqlServer server) : PdfReportTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerPdfReportTests(SqlServerServer server) : PdfReportTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteAdminPageTests() : AdminPageTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAdminPageTests(PostgreSqlServer server) : AdminPageTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerAdminPageTests(SqlServerServer server) : AdminPageTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteDurabilityTests() : DurabilityTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDurabilityTests(PostgreSqlServer server) : DurabilityTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerDurabilityTests(SqlServerServer server) : DurabilityTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteBadInputTests() : BadInputTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlBadInputTests(PostgreSqlServer server) : BadInputTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerBadInputTests(SqlServerServer server) : BadInputTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteEvasionTests() : EvasionTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlEvasionTests(PostgreSqlServer server) : EvasionTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerEvasionTests(SqlServerServer server) : EvasionTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteSchemaMigratorTests() : SchemaMigratorTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSchemaMigratorTests(PostgreSqlServer server) : SchemaMigratorTests(new PostgreSqlAuditDatabase(server, fresh: true));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerSchemaMigratorTests(SqlServerServer server) : SchemaMigratorTests(new SqlServerAuditDatabase(server, fresh: true));

public sealed class SqliteEntityChangeTests() : Changes.EntityChangeTests(new SqliteAuditDatabase(), new Changes.ShopDatabase(null));

[Collection(PostgreSqlCollection.Name)]
public sealed class SqliteAuditPostgreSqlAppEntityChangeTests(PostgreSqlServer server) : Changes.EntityChangeTests(new SqliteAuditDatabase(), new Changes.ShopDatabase(server));

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlEntityChangeTests(PostgreSqlServer server) : Changes.EntityChangeTests(new PostgreSqlAuditDatabase(server, fresh: false), new Changes.ShopDatabase(server));

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAuditSqliteAppEntityChangeTests(PostgreSqlServer server) : Changes.EntityChangeTests(new PostgreSqlAuditDatabase(server, fresh: false), new Changes.ShopDatabase(null));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerEntityChangeTests(SqlServerServer server) : Changes.EntityChangeTests(new SqlServerAuditDatabase(server, fresh: false), new Changes.ShopDatabase(null));

public sealed class SqliteSampleChangeTests() : SampleChangeTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSampleChangeTests(PostgreSqlServer server) : SampleChangeTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerSampleChangeTests(SqlServerServer server) : SampleChangeTests(new SqlServerAuditDatabase(server, fresh: false));

public sealed class SqliteEventPageTests() : EventPageTests(new SqliteAuditDatabase());

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlEventPageTests(PostgreSqlServer server) : EventPageTests(new PostgreSqlAuditDatabase(server, fresh: false));

[Collection(SqlServerCollection.Name)]
public sealed class SqlServerEventPageTests(SqlServerServer server) : EventPageTests(new SqlServerAuditDatabase(server, fresh: false));
