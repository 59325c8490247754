using Fleet.History;
using Fleet.History.Postgres;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.History;

/// <summary>The history contract on the real test PostgreSQL (day partitions, COPY + ON CONFLICT).</summary>
public sealed class PostgresHistoryStoreTests(PostgresFixture postgres) : HistoryStoreContractTests, IClassFixture<PostgresFixture>
{
    protected override IHistoryStore CreateStore(string table) =>
        new PostgresHistoryStore(postgres.ConnectionString, new HistoryStoreOptions { Table = table });

    [Fact]
    public async Task Write_PointsOnThreeDays_CreatesOneDayPartitionEach()
    {
        var start = new DateTimeOffset(2023, 1, 30, 23, 0, 0, TimeSpan.Zero);
        var points = Enumerable.Range(0, 3).Select(i => new HistoryRecord
        {
            VehicleId = "veh-partitions", DeviceId = "dev-partitions", DeviceTime = start.AddDays(i), ServerTime = start, Lat = 1, Lon = 2,
        }).ToList();

        await Store.WriteAsync(points, TestContext.Current.CancellationToken);

        await using var command = postgres.DataSource.CreateCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent " +
            "WHERE p.relname = 'history_points' AND c.relname LIKE 'history_points_2023%' ORDER BY 1");
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["history_points_20230130", "history_points_20230131", "history_points_20230201"], names);
    }
}
