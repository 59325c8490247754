using Fleet.History;
using Fleet.History.Postgres;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Trajectory.Summaries;

/// <summary>Materialized summaries over the PostgreSQL history store (same database as the summary table, as in small installs).</summary>
public sealed class PostgresDaySummaryMaterializerTests(PostgresFixture postgres)
    : DaySummaryMaterializerTests(postgres), IClassFixture<PostgresFixture>
{
    protected override IHistoryStore CreateStore() => new PostgresHistoryStore(Postgres.ConnectionString, new HistoryStoreOptions());
}
