using Fleet.History;
using Fleet.History.ClickHouse;
using Fleet.Tests.Infrastructure;

namespace Fleet.Tests.History;

/// <summary>The history contract on the real test ClickHouse (Debian's 18.16: the legacy DateTime + ms layout).</summary>
public sealed class ClickHouseHistoryStoreTests(ClickHouseFixture clickhouse) : HistoryStoreContractTests, IClassFixture<ClickHouseFixture>
{
    protected override IHistoryStore CreateStore(string table) =>
        new ClickHouseHistoryStore(clickhouse.ConnectionString, new HistoryStoreOptions { Table = table });

    [Theory]
    [InlineData("18.16.1", false)]
    [InlineData("20.3.21.2", false)]
    [InlineData("25.8.2.29", true)]
    public void SupportsDateTime64_ServerVersion_PicksLayout(string version, bool expected) =>
        Assert.Equal(expected, ClickHouseSchema.SupportsDateTime64(version));

    [Fact]
    public void Quote_HostileString_EscapesEveryQuoteAndBackslash() =>
        Assert.Equal(@"'a\'b\\\' OR 1=1 --'", ClickHouseLiteral.Quote(@"a'b\' OR 1=1 --"));

    [Fact]
    public async Task ReadVehicle_InjectionAttempt_MatchesNothing()
    {
        var read = await Store.ReadVehicleAsync("x' OR 1=1 OR vehicle_id='", DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        Assert.Empty(read);
    }

    [Fact]
    public async Task ReadTrackRows_MoreRowsThanOneNativeBlock_EveryRowOnce()
    {
        // The server answers in blocks of at most 65,536 rows: the reader must stitch several blocks.
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var vehicle = $"veh-blocks-{Guid.NewGuid():N}";
        var points = Enumerable.Range(0, 70_000).Select(i => new HistoryRecord
        {
            VehicleId = vehicle, DeviceId = "dev-blocks", DeviceTime = start.AddSeconds(i), ServerTime = start.AddSeconds(i),
            Lat = 55 + (i * 1e-6), Lon = 37, Speed = i % 90, Alarm = i % 10_000 == 0 ? "sos" : "",
        }).ToList();
        await Store.WriteAsync(points, TestContext.Current.CancellationToken);

        using var read = await Store.ReadTrackRowsAsync(vehicle, start, start.AddDays(1), TestContext.Current.CancellationToken);
        var rows = read.Span.ToArray();

        Assert.Equal(points.Select(p => p.DeviceTime.ToUnixTimeMilliseconds()), rows.Select(r => r.TimeMs));
        Assert.Equal(points.Select(p => (p.Lat, p.Speed, p.Alarm)), rows.Select(r => (r.Lat, r.Speed, r.Alarm)));
    }
}
