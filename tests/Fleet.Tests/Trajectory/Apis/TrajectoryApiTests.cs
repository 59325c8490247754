using System.Net;
using System.Text.Json;
using static Fleet.Tests.Trajectory.Apis.TrajectoryApiFixture;

namespace Fleet.Tests.Trajectory.Apis;

/// <summary>Routes and reports over HTTP against known synthetic truth, on both history stores.</summary>
public sealed class TrajectoryApiTests(TrajectoryApiFixture fixture) : IClassFixture<TrajectoryApiFixture>
{
    private const string Day = "from=2024-05-14T00:00:00Z&to=2024-05-16T00:00:00Z";

    public static TheoryData<string> Stores => [Store1, Store2];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Route_CityDay_DistanceWithinHalfPercentOfTruth(string store)
    {
        var route = await GetJsonAsync(store, $"/api/v1/vehicles/{City}/route?{Day}&tolerance=5");

        Assert.Equal("Feature", route.GetProperty("type").GetString());
        Assert.Equal("LineString", route.GetProperty("geometry").GetProperty("type").GetString());
        var properties = route.GetProperty("properties");
        var truthKm = fixture.CityTrack.TruthMetres / 1000;
        Assert.Equal(truthKm, properties.GetProperty("distanceKm").GetDouble(), truthKm * 0.005);
        Assert.Equal("gps", properties.GetProperty("distanceSource").GetString());
        var coordinates = route.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(properties.GetProperty("pointCount").GetInt32(), coordinates.GetArrayLength());
        Assert.InRange(coordinates.GetArrayLength(), 3, fixture.CityTrack.Points.Count / 2);
        var first = fixture.CityTrack.Points[0];
        Assert.Equal(first.Lon, coordinates[0][0].GetDouble(), 9);
        Assert.Equal(first.Lat, coordinates[0][1].GetDouble(), 9);
        Assert.Equal((fixture.CityTrack.Points[^1].Time - first.Time).TotalSeconds, properties.GetProperty("durationS").GetDouble(), 0.01);
        Assert.Equal(80, properties.GetProperty("maxSpeed").GetDouble());
        Assert.Equal(fixture.CityTrack.TruthStops.Count, properties.GetProperty("stops").GetArrayLength());
        var events = properties.GetProperty("events").EnumerateArray().ToList();
        var alarm = Assert.Single(events, e => e.GetProperty("type").GetString() == "alarm");
        Assert.Equal("sos", alarm.GetProperty("alarm").GetString());
        Assert.Equal(Ms(fixture.AlarmTime), alarm.GetProperty("time").GetDateTimeOffset());
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "ignitionOn");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Route_OdometerVehicle_UsesOdometerAndSaysSo(string store)
    {
        var properties = (await GetJsonAsync(store, $"/api/v1/vehicles/{Odometer}/route?{Day}")).GetProperty("properties");

        var truthKm = fixture.OdometerTrack.TruthMetres / 1000;
        Assert.Equal("odometer", properties.GetProperty("distanceSource").GetString());
        Assert.Equal(truthKm, properties.GetProperty("distanceKm").GetDouble(), truthKm * 0.005);
        Assert.Equal(truthKm, properties.GetProperty("gpsDistanceKm").GetDouble(), truthKm * 0.005);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TripsAndStops_CityDay_MatchTruthWithin60Seconds(string store)
    {
        var trips = await GetJsonAsync(store, $"/api/v1/reports/trips?vehicleId={City}&{Day}");
        var stops = await GetJsonAsync(store, $"/api/v1/reports/stops?vehicleId={City}&{Day}");

        Matches(fixture.CityTrack.TruthTrips, trips.EnumerateArray().ToList());
        Matches(fixture.CityTrack.TruthStops, stops.EnumerateArray().ToList());
        foreach (var (truth, trip) in fixture.CityTrack.TruthTrips.Zip(trips.EnumerateArray()))
        {
            Assert.Equal(City, trip.GetProperty("vehicleId").GetString());
            Assert.Equal(truth.Metres / 1000, trip.GetProperty("distanceKm").GetDouble(), Math.Max(0.02, truth.Metres / 1000 * 0.005));
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Positions_ShuffledDuplicatedWrites_EveryPointOnceInTimeOrder(string store)
    {
        var positions = (await GetJsonAsync(store, $"/api/v1/vehicles/{City}/positions?{Day}")).EnumerateArray().ToList();

        Assert.Equal(fixture.CityTrack.Points.Select(p => Ms(p.Time)), positions.Select(p => p.GetProperty("time").GetDateTimeOffset()));
        var sample = fixture.CityTrack.Points[123];
        var item = positions[123];
        Assert.Equal(sample.Lat, item.GetProperty("lat").GetDouble());
        Assert.Equal(sample.Lon, item.GetProperty("lon").GetDouble());
        Assert.Equal(sample.Speed, item.GetProperty("speed").GetDouble());
        Assert.Equal(sample.Heading, item.GetProperty("heading").GetDouble());
        Assert.Equal(sample.Altitude, item.GetProperty("altitude").GetDouble());
        Assert.Equal(sample.Ignition, item.GetProperty("ignition").GetBoolean());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("fuel").ValueKind);
        Assert.Equal(sample.Satellites, item.GetProperty("satellites").GetInt32());
    }

    [Fact]
    public async Task Reports_ClickHouseAndPostgres_AnswerIdentically()
    {
        string[] urls =
        [
            $"/api/v1/vehicles/{City}/positions?{Day}", $"/api/v1/vehicles/{City}/route?{Day}", $"/api/v1/vehicles/{Odometer}/route?{Day}",
            $"/api/v1/reports/trips?vehicleId={City}&{Day}", $"/api/v1/reports/stops?vehicleId={Odometer}&{Day}", $"/api/v1/reports/summary?{Day}",
        ];
        foreach (var url in urls)
        {
            Assert.Equal(await GetStringAsync(Store1, url, TestTokens.Admin()), await GetStringAsync(Store2, url, TestTokens.Admin()));
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Summary_CompanyLocalDays_SplitAtMoscowMidnight(string store)
    {
        var rows = (await GetJsonAsync(store, $"/api/v1/reports/summary?{Day}")).EnumerateArray().ToList();

        var city = Assert.Single(rows, r => r.GetProperty("vehicleId").GetString() == City);
        Assert.Equal("2024-05-14", city.GetProperty("date").GetString());
        Assert.Equal(fixture.CityTrack.TruthMetres / 1000, city.GetProperty("distanceKm").GetDouble(), fixture.CityTrack.TruthMetres / 1000 * 0.005);
        Assert.Equal(80, city.GetProperty("maxSpeed").GetDouble());
        Assert.InRange(city.GetProperty("engineHours").GetDouble(), 1.0, 3.0);
        var evening = rows.Where(r => r.GetProperty("vehicleId").GetString() == Odometer).ToList();
        Assert.Equal(["2024-05-14", "2024-05-15"], evening.Select(r => r.GetProperty("date").GetString()));
        var truthKm = fixture.OdometerTrack.TruthMetres / 1000;
        Assert.Equal(truthKm, evening.Sum(r => r.GetProperty("distanceKm").GetDouble()), truthKm * 0.005);
        // Before local midnight (21:00 UTC): trip 1 (20 km) and trip 2 from 20:45 to 21:00 UTC (15 min at 50 km/h).
        Assert.Equal(20 + (50.0 * 15 / 60), evening[0].GetProperty("distanceKm").GetDouble(), 0.3);
        Assert.DoesNotContain(rows, r => r.GetProperty("vehicleId").GetString() == Other);
    }

    [Fact]
    public async Task Summary_CompanyAndGroupFilters_NarrowWithinScope()
    {
        static IEnumerable<string?> Vehicles(JsonElement rows) => rows.EnumerateArray().Select(r => r.GetProperty("vehicleId").GetString()).Distinct();

        Assert.Equal([City, Odometer, Other], Vehicles(await GetJsonAsync(Store1, $"/api/v1/reports/summary?{Day}", TestTokens.Admin())));
        Assert.Equal([City], Vehicles(await GetJsonAsync(Store1, $"/api/v1/reports/summary?{Day}&groupId=g-north")));
        Assert.Equal([City, Odometer], Vehicles(await GetJsonAsync(Store1, $"/api/v1/reports/summary?{Day}&groupId=g-north&groupId=g-south")));
        Assert.Empty(Vehicles(await GetJsonAsync(Store1, $"/api/v1/reports/summary?{Day}&companyId=c-2")));
        Assert.Equal([Other], Vehicles(await GetJsonAsync(Store1, $"/api/v1/reports/summary?{Day}&companyId=c-2", TestTokens.Admin())));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Summary_MoscowLocalDays_MaterializedAnswerStableAndScopedByCompany(string store)
    {
        const string moscowDays = "from=2024-05-13T21:00:00Z&to=2024-05-15T21:00:00Z";
        static List<(string?, string?)> Days(JsonElement rows) =>
            [.. rows.EnumerateArray().Select(r => (r.GetProperty("vehicleId").GetString(), r.GetProperty("date").GetString()))];

        var first = await GetStringAsync(store, $"/api/v1/reports/summary?{moscowDays}", TestTokens.ForCompanies("c-1"));
        var second = await GetStringAsync(store, $"/api/v1/reports/summary?{moscowDays}", TestTokens.ForCompanies("c-1"));

        Assert.Equal(first, second);
        Assert.Equal([(City, "2024-05-14"), (Odometer, "2024-05-14"), (Odometer, "2024-05-15")], Days(JsonDocument.Parse(first).RootElement));
        Assert.Equal([Other], Days(await GetJsonAsync(store, $"/api/v1/reports/summary?{moscowDays}", TestTokens.ForCompanies("c-2"))).Select(d => d.Item1).Distinct());
        Assert.Empty(Days(await GetJsonAsync(store, $"/api/v1/reports/summary?{moscowDays}&companyId=c-2")));
    }

    private static void Matches(IReadOnlyList<TruthInterval> truth, List<JsonElement> items)
    {
        Assert.Equal(truth.Count, items.Count);
        foreach (var (expected, item) in truth.Zip(items))
        {
            Assert.InRange((item.GetProperty("start").GetDateTimeOffset() - expected.Start).Duration().TotalSeconds, 0, TripAssert.BoundarySeconds);
            Assert.InRange((item.GetProperty("end").GetDateTimeOffset() - expected.End).Duration().TotalSeconds, 0, TripAssert.BoundarySeconds);
        }
    }

    private async Task<JsonElement> GetJsonAsync(string store, string url, string? token = null) =>
        JsonDocument.Parse(await GetStringAsync(store, url, token ?? TestTokens.ForCompanies("c-1"))).RootElement;

    private async Task<string> GetStringAsync(string store, string url, string token)
    {
        using var client = fixture.Client(store, token);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return body;
    }
}
