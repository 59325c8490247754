using Fleet.History;
using Fleet.History.Postgres;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.Trajectory.Routes;

/// <summary>Day-piece routes over the PostgreSQL history store (same database as the route table, as in small installs).</summary>
public sealed class PostgresDayRoutesTests(PostgresFixture postgres)
    : DayRoutesTests(postgres), IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _postgres = postgres;

    protected override IHistoryStore CreateStore() => new PostgresHistoryStore(_postgres.ConnectionString, new HistoryStoreOptions());
}
