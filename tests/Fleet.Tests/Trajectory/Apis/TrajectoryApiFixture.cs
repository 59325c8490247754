using System.Net.Http.Headers;
using Fleet.History;
using Fleet.History.ClickHouse;
using Fleet.History.Postgres;
using Fleet.Tests.Infrastructure;
using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory.Apis;

/// <summary>
/// Fresh PostgreSQL and ClickHouse databases with the read model and three synthetic vehicles written through BOTH history
/// stores (shuffled, in chunks, every chunk written twice), and one Fleet.Trajectory per store.
/// </summary>
public sealed class TrajectoryApiFixture : IAsyncLifetime
{
    public const string City = "veh-city";
    public const string Odometer = "veh-odo";
    public const string Other = "veh-other";
    public const string Store1 = "ClickHouse";
    public const string Store2 = "Postgres";

    /// <summary>Starts 20:00 UTC = 23:00 Moscow; its second trip crosses local midnight, so its company-local days differ from UTC days.</summary>
    public static readonly DateTimeOffset EveningStart = new(2024, 5, 14, 20, 0, 0, TimeSpan.Zero);

    private readonly PostgresFixture _postgres = new();
    private readonly ClickHouseFixture _clickhouse = new();
    private readonly Dictionary<string, TrajectoryFactory> _factories = [];

    public TrackBuilder CityTrack { get; } = SyntheticTracks.CityDay();

    public TrackBuilder OdometerTrack { get; } = new TrackBuilder(EveningStart, 55.70, 37.50, seed: 3) { OdometerStartKm = 5000 }
        .Stop(600).Straight(60, 1200, headingDegrees: 90).Stop(900).Straight(50, 1500, headingDegrees: 180).Stop(600);

    public TrackBuilder OtherTrack { get; } = new TrackBuilder(SyntheticTracks.Morning, 59.93, 30.31, seed: 5).Stop(300).Straight(40, 600, 0).Stop(300);

    /// <summary>The record of <see cref="CityTrack"/> that carries an "sos" alarm.</summary>
    public DateTimeOffset AlarmTime => CityTrack.Points[400].Time;

    /// <summary>A time as the stores keep it: whole milliseconds (the synthetic arcs produce sub-millisecond times).</summary>
    public static DateTimeOffset Ms(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await _postgres.InitializeAsync();
        await _clickhouse.InitializeAsync();
        await ReadModelTables.CreateAsync(_postgres.DataSource, ct);
        await ReadModelTables.AddCompanyAsync(_postgres.DataSource, "c-1", "Europe/Moscow", ct);
        await ReadModelTables.AddCompanyAsync(_postgres.DataSource, "c-2", null, ct);
        await ReadModelTables.AddVehicleAsync(_postgres.DataSource, City, "c-1", "dev-city", ["g-north"], ct);
        await ReadModelTables.AddVehicleAsync(_postgres.DataSource, Odometer, "c-1", "dev-odo", ["g-south"], ct);
        await ReadModelTables.AddVehicleAsync(_postgres.DataSource, Other, "c-2", "dev-other", [], ct);

        var records = Records(City, "c-1", "dev-city", CityTrack.Points)
            .Select(r => r.DeviceTime == Ms(AlarmTime) ? r with { Alarm = "sos" } : r)
            .Concat(Records(Odometer, "c-1", "dev-odo", OdometerTrack.Points))
            .Concat(Records(Other, "c-2", "dev-other", OtherTrack.Points))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        var options = new HistoryStoreOptions();
        using var clickhouseStore = new ClickHouseHistoryStore(_clickhouse.ConnectionString, options);
        using var postgresStore = new PostgresHistoryStore(_postgres.ConnectionString, options);
        foreach (IHistoryStore store in new IHistoryStore[] { clickhouseStore, postgresStore })
        {
            await store.MigrateAsync(ct);
            foreach (var chunk in records.Chunk(700))
            {
                await store.WriteAsync(chunk, ct);
                await store.WriteAsync(chunk, ct); // replay, as after a crash before the Kafka commit
            }
        }

        _factories[Store1] = CreateFactory(Store1);
        _factories[Store2] = CreateFactory(Store2);
    }

    public HttpClient Client(string store, string? token)
    {
        var client = _factories[store].CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories.Values)
        {
            await factory.DisposeAsync();
        }

        await _clickhouse.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    private TrajectoryFactory CreateFactory(string store) => new(new Dictionary<string, string>
    {
        ["ConnectionStrings:fleet"] = _postgres.ConnectionString,
        ["ConnectionStrings:clickhouse"] = _clickhouse.ConnectionString,
        ["History:Store"] = store,
        ["Auth:DevSigningKeyHex"] = TestTokens.SigningKeyHex,
        ["Trajectory:MaxPeriod"] = "31.00:00:00",
        ["Trajectory:Summaries:PrecomputeEnabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    });

    private static IEnumerable<HistoryRecord> Records(string vehicleId, string companyId, string deviceId, IEnumerable<HistoryPoint> points) =>
        points.Select(p => new HistoryRecord
        {
            VehicleId = vehicleId, DeviceId = deviceId, CompanyId = companyId, DeviceTime = Ms(p.Time), ServerTime = Ms(p.Time).AddSeconds(1),
            Lat = p.Lat, Lon = p.Lon, Valid = p.Valid, Speed = p.Speed, Heading = p.Heading, Altitude = p.Altitude,
            Satellites = p.Satellites, Ignition = p.Ignition, Fuel = p.Fuel, Odometer = p.OdometerKm, Alarm = p.Alarm ?? "",
        });
}
