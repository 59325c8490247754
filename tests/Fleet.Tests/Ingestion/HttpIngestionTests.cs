using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.Ingestion.Pipeline;
using static Fleet.Tests.Ingestion.IngestionFixture;

namespace Fleet.Tests.Ingestion;

/// <summary>Fleet JSON (POST /api/v1/telemetry) and OsmAnd (port 5055) over real HTTP into the mock Kafka broker.</summary>
public sealed class HttpIngestionTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.HttpBase };

    private string Bootstrap => fixture.Kafka.BootstrapServers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> PostAsync(string json, string? token = JsonToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return _http.SendAsync(request, Ct);
    }

    private static string Now(int secondsAgo = 0) => DateTimeOffset.UtcNow.AddSeconds(-secondsAgo).ToString("O");

    [Fact]
    public async Task FleetJson_BatchWithOneInvalidPoint_202CountsAndKafkaHasTheValidOnes()
    {
        using var probe = new IngestionMetricsProbe(fixture.Host.MeterFactory);
        var before = TelemetryRawReader.HighWatermarks(Bootstrap);
        var body = $$"""
            [
              {"deviceId":"{{JsonDevice}}","timestamp":"{{Now(20)}}","lat":55.7512,"lon":37.6184,"speed":42.5,"heading":270,
               "altitude":150,"satellites":9,"hdop":0.9,"ignition":true,"fuel":37.5,"odometer":120345.2,"attributes":{"din1":1} },
              {"deviceId":"{{JsonDevice}}","timestamp":"{{Now(10)}}","lat":95.0,"lon":37.6184},
              {"deviceId":"{{JsonDevice}}","timestamp":"{{Now()}}","lat":55.7513,"lon":37.6185,"speed":1200}
            ]
            """;

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, json.RootElement.GetProperty("accepted").GetInt32());
        var rejected = json.RootElement.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([1, 2], rejected.Select(r => r.GetProperty("index").GetInt32()));
        // The JSON reader already refuses an impossible latitude; the gate's validator catches the speed.
        Assert.Contains("lat out of range", rejected[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(PointValidator.SpeedOutOfRange, rejected[1].GetProperty("reason").GetString());
        Assert.Equal(before + 1, TelemetryRawReader.HighWatermarks(Bootstrap));
        Assert.Equal(1, probe.Total("fleet.ingestion.points.rejected", "invalid item"));
        Assert.Equal(1, probe.Total("fleet.ingestion.points.rejected", PointValidator.SpeedOutOfRange));

        var message = Assert.Single(TelemetryRawReader.WaitFor(Bootstrap, JsonDevice, 1));
        Assert.Equal("fleetjson", message.Protocol);
        Assert.Equal(55.7512, message.Lat);
        Assert.Equal(42.5, message.SpeedKmh);
        Assert.Equal(270, message.Heading);
        Assert.Equal(150, message.AltitudeM);
        Assert.Equal(9, message.Satellites);
        Assert.True(message.Ignition);
        Assert.Equal(37.5, message.FuelL);
        Assert.Equal(120345.2, message.OdometerKm);
        Assert.Equal(1, message.Attributes["din1"]);
    }

    [Fact]
    public async Task FleetJson_MalformedJson_400ProblemNamingTheFault()
    {
        using var response = await PostAsync("""{"deviceId":"veh-0001","lat":55.1,""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task FleetJson_BodyOverLimit_413()
    {
        var items = string.Join(",", Enumerable.Repeat($$"""{"deviceId":"{{JsonDevice}}","timestamp":"{{Now()}}","lat":1.5,"lon":2.5}""", 1000));

        using var response = await PostAsync("[" + items + "]");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-token", HttpStatusCode.Unauthorized)]
    [InlineData(JsonToken, HttpStatusCode.Accepted)]
    public async Task FleetJson_TokenChecked_OnlyTheDevicesTokenIsAccepted(string? token, HttpStatusCode expected)
    {
        using var response = await PostAsync($$"""{"deviceId":"{{JsonDevice}}","timestamp":"{{Now()}}","lat":10.5,"lon":20.5}""", token);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task FleetJson_UnknownAndDisabledDevices_401And403()
    {
        using var unknown = await PostAsync($$"""{"deviceId":"veh-nobody","timestamp":"{{Now()}}","lat":10.5,"lon":20.5}""");
        using var disabled = await PostAsync($$"""{"deviceId":"{{JsonDisabled}}","timestamp":"{{Now()}}","lat":10.5,"lon":20.5}""");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, disabled.StatusCode);
    }

    [Fact]
    public async Task OsmAnd_QueryString_200AfterKafkaHasTheConvertedPoint()
    {
        using var osmand = new HttpClient { BaseAddress = fixture.Host.OsmAndBase };
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var before = TelemetryRawReader.HighWatermarks(Bootstrap);

        using var response = await osmand.PostAsync(
            $"/?id={OsmAndId}&timestamp={timestamp}&lat=40.7232948571&lon=-74.0061408571&bearing=7.5&speed=40&altitude=12&batt=80", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, TelemetryRawReader.HighWatermarks(Bootstrap));
        var message = Assert.Single(TelemetryRawReader.WaitFor(Bootstrap, OsmAndId, 1));
        Assert.Equal("osmand", message.Protocol);
        Assert.Equal(timestamp * 1000, message.DeviceTimeMs);
        Assert.Equal(40.7232948571, message.Lat);
        Assert.Equal(74.08, message.SpeedKmh, 1e-9); // 40 knots
        Assert.Equal(7.5, message.Heading);
    }

    [Fact]
    public async Task OsmAnd_NotOnTheMainHttpPort_404()
    {
        using var response = await _http.GetAsync($"/?id={OsmAndId}&lat=1&lon=2", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FirstSeen_TwoInstancesSameDevice_ExactlyOneEvent()
    {
        const string deviceId = "veh-first-seen";
        await fixture.RegisterAsync(deviceId, enabled: true, token: "t-first");
        await using var second = await IngestionHost.StartAsync(Bootstrap, fixture.KeyPrefix);
        using var other = new HttpClient { BaseAddress = second.HttpBase };
        var body = $$"""{"deviceId":"{{deviceId}}","timestamp":"{{Now()}}","lat":10.5,"lon":20.5}""";

        foreach (var client in new[] { _http, other, _http, other })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t-first");
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // Wait generously for one event, then make sure no second one follows.
        var events = TelemetryRawReader.Read(Bootstrap, Topics.DeviceEvents, deviceId, count: 2, TimeSpan.FromSeconds(8));
        var only = Assert.Single(events);
        var evt = JsonSerializer.Deserialize(only, FleetJsonContext.Default.DeviceEvent)!;
        Assert.Equal(DeviceEvent.FirstSeen, evt.Type);
        Assert.Equal(deviceId, evt.DeviceId);
        Assert.True(await fixture.Redis.Connection.GetDatabase().SetContainsAsync(fixture.KeyPrefix + "devices:seen", deviceId));
    }
}
