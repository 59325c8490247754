using Fleet.History;
using Fleet.History.ClickHouse;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Trajectory.Routes;

/// <summary>Day-piece routes over the ClickHouse history store (18.16 legacy layout).</summary>
public sealed class ClickHouseDayRoutesTests(PostgresFixture postgres, ClickHouseFixture clickhouse)
    : DayRoutesTests(postgres), IClassFixture<PostgresFixture>, IClassFixture<ClickHouseFixture>
{
    protected override IHistoryStore CreateStore() => new ClickHouseHistoryStore(clickhouse.ConnectionString, new HistoryStoreOptions());
}
