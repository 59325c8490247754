using Fleet.Contracts.Events;
using Fleet.Contracts.Telemetry;
using Fleet.Processing.Enrichment;
using Fleet.Processing.Options;
using Fleet.Processing.ReadModel;
using Fleet.Processing.Sinks;
using Fleet.Tests.Infrastructure;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Fleet.Tests.Processing;

/// <summary>
/// <c>vehicle_snapshot</c> on the real PostgreSQL: only a newer device time replaces a row, and the half-empty pages
/// (fillfactor 50) keep every update on its row's page (HOT: no index write).
/// </summary>
public sealed class SnapshotStoreTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Upsert_NewerThenOlderThenSameTime_OnlyTheNewerPointWins()
    {
        var store = await StoreAsync();
        await store.UpsertAsync([Point("s-1", seconds: 10, lat: 1)], CancellationToken.None);

        await store.UpsertAsync([Point("s-1", seconds: 20, lat: 2)], CancellationToken.None);
        await store.UpsertAsync([Point("s-1", seconds: 5, lat: 3)], CancellationToken.None);
        await store.UpsertAsync([Point("s-1", seconds: 20, lat: 4)], CancellationToken.None);

        Assert.Equal((Start.AddSeconds(20), 2.0), await RowAsync("s-1"));
    }

    [Fact]
    public async Task Upsert_ManyRowsUpdated_EveryUpdateStaysOnItsPage()
    {
        var store = await StoreAsync();
        var vehicles = Enumerable.Range(0, 2000).Select(i => $"h-{i:D5}").ToList();
        await store.UpsertAsync([.. vehicles.Select(v => Point(v, seconds: 1, lat: 1))], CancellationToken.None);
        var pages = await PagesAsync();

        await store.UpsertAsync([.. vehicles.Select(v => Point(v, seconds: 2, lat: 2))], CancellationToken.None);

        // With full pages (fillfactor 100) the new row versions would move to new pages. Only one round is asserted: a
        // second one fits only once PostgreSQL has pruned the first versions, which it does opportunistically (flaky).
        Assert.Equal(pages, await PagesAsync());
        Assert.Equal((Start.AddSeconds(2), 2.0), await RowAsync("h-01999"));
    }

    private async Task<PostgresSnapshotStore> StoreAsync()
    {
        await ReadModelSchema.CreateAsync(postgres.DataSource, CancellationToken.None);
        return new PostgresSnapshotStore(postgres.DataSource, MsOptions.Create(new ProcessingOptions()));
    }

    private async Task<(DateTimeOffset, double)> RowAsync(string vehicle)
    {
        await using var command = postgres.DataSource.CreateCommand("SELECT device_time, lat FROM vehicle_snapshot WHERE vehicle_id = @v");
        command.Parameters.AddWithValue("v", vehicle);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetDouble(1));
    }

    private async Task<Dictionary<string, string>> PagesAsync()
    {
        await using var command = postgres.DataSource.CreateCommand(
            "SELECT vehicle_id, (ctid::text::point)[0]::text FROM vehicle_snapshot WHERE vehicle_id LIKE 'h-%'");
        await using var reader = await command.ExecuteReaderAsync();
        var pages = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            pages[reader.GetString(0)] = reader.GetString(1);
        }

        return pages;
    }

    private static EnrichedPoint Point(string vehicle, int seconds, double lat) => new(
        new TelemetryMessage
        {
            DeviceId = "dev-" + vehicle,
            DeviceTimeMs = Start.AddSeconds(seconds).ToUnixTimeMilliseconds(),
            ServerTimeMs = Start.AddSeconds(seconds).ToUnixTimeMilliseconds(),
            Lat = lat,
            Lon = 37,
            SpeedKmh = 10,
        },
        new VehicleContext(new VehicleUpdated(vehicle, 1, "c-1", "dev-" + vehicle, "P-1", "Truck", [], null), null, null),
        null);
}
