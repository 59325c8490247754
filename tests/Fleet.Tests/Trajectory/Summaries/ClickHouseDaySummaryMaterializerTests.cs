using Fleet.History;
using Fleet.History.ClickHouse;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Trajectory.Summaries;

/// <summary>Materialized summaries over the ClickHouse history store (18.16 legacy layout).</summary>
public sealed class ClickHouseDaySummaryMaterializerTests(PostgresFixture postgres, ClickHouseFixture clickhouse)
    : DaySummaryMaterializerTests(postgres), IClassFixture<PostgresFixture>, IClassFixture<ClickHouseFixture>
{
    protected override IHistoryStore CreateStore() => new ClickHouseHistoryStore(clickhouse.ConnectionString, new HistoryStoreOptions());
}
