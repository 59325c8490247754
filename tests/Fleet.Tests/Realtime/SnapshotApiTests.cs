using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fleet.Tests.Realtime;

/// <summary>GET /api/v1/vehicles/snapshot against real Redis seeded in the layout Processing writes.</summary>
public sealed class SnapshotApiTests(SnapshotFixture fleet) : IClassFixture<SnapshotFixture>
{
    private static readonly string[] ItemProperties =
        ["vehicleId", "deviceId", "companyId", "driverId", "groupIds", "plate", "name", "lat", "lon", "speed", "heading", "ignition", "fuel", "deviceTime", "status"];

    [Fact]
    public async Task GetSnapshot_BoxAroundSomeVehicles_ReturnsOnlyThoseInsideInContractShape()
    {
        var company = Company();
        var inside = FleetSeed.Position(company, 37.61, 55.75);
        var outside = FleetSeed.Position(company, 30.31, 59.93);
        var edgeOutside = FleetSeed.Position(company, 37.71, 55.75); // just east of the box: the geo cover would include it
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, inside, outside, edgeOutside);

        using var json = await GetJsonAsync(TestTokens.ForCompanies(company), "bbox=37.5,55.7,37.7,55.8");

        var vehicles = json.RootElement.GetProperty("vehicles").EnumerateArray().ToArray();
        Assert.Equal([inside.VehicleId], vehicles.Select(v => v.GetProperty("vehicleId").GetString()));
        Assert.Equal(ItemProperties, vehicles[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("moving", vehicles[0].GetProperty("status").GetString());
        Assert.Equal(["asOf", "vehicles"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.True(DateTimeOffset.TryParse(json.RootElement.GetProperty("asOf").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task GetSnapshot_BoxAcrossAntimeridian_ReturnsBothSidesOnly()
    {
        var company = Company();
        var east = FleetSeed.Position(company, 179.5, -17.7);
        var west = FleetSeed.Position(company, -179.5, -17.8);
        var far = FleetSeed.Position(company, 0, -17.8);
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, east, west, far);

        var ids = await GetIdsAsync(TestTokens.ForCompanies(company), "bbox=179,-18,-179,-17");

        Assert.Equal(new[] { east.VehicleId, west.VehicleId }.Order(), ids.Order());
    }

    [Fact]
    public async Task GetSnapshot_CompanyUser_NeverSeesAnotherCompany()
    {
        var (a, b) = (Company(), Company());
        var mine = FleetSeed.Position(a, 10.01, 50.01);
        var theirs = FleetSeed.Position(b, 10.02, 50.02);
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, mine, theirs);

        Assert.Equal([mine.VehicleId], await GetIdsAsync(TestTokens.ForCompanies(a), "bbox=10,50,10.1,50.1"));
        Assert.Equal([theirs.VehicleId], await GetIdsAsync(TestTokens.ForCompanies(b), "bbox=10,50,10.1,50.1"));
        Assert.Contains(mine.VehicleId, await GetIdsAsync(TestTokens.Admin(), "bbox=10,50,10.1,50.1"));
        Assert.Contains(theirs.VehicleId, await GetIdsAsync(TestTokens.Admin(), "bbox=10,50,10.1,50.1"));
    }

    [Fact]
    public async Task GetSnapshot_VehicleMovedToAnotherCompany_StaleGeoMemberIsNotLeaked()
    {
        var (a, b) = (Company(), Company());
        var moved = FleetSeed.Position(a, 11.01, 51.01);
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, moved);
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, moved with { CompanyId = b }); // old geo member stays

        Assert.Empty(await GetIdsAsync(TestTokens.ForCompanies(a), "bbox=11,51,11.1,51.1"));
    }

    [Fact]
    public async Task GetSnapshot_AnotherCompanyRequested_Returns404()
    {
        using var client = fleet.Host.CreateClient(TestTokens.ForCompanies("c-mine"));

        using var response = await client.GetAsync(new Uri("api/v1/vehicles/snapshot?bbox=0,0,1,1&companyId=c-other", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetSnapshot_CompanyAndGroupFilters_ReturnOnlyMatching()
    {
        var (a, b) = (Company(), Company());
        var north = FleetSeed.Position(a, 12.01, 52.01, groups: ["g-north"]);
        var south = FleetSeed.Position(a, 12.02, 52.02, groups: ["g-south"]);
        var other = FleetSeed.Position(b, 12.03, 52.03, groups: ["g-north"]);
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, north, south, other);
        var admin = TestTokens.Admin();

        Assert.Equal([north.VehicleId], await GetIdsAsync(admin, $"bbox=12,52,12.1,52.1&companyId={a}&groupId=g-north"));
        Assert.Equal(new[] { north.VehicleId, other.VehicleId }.Order(), (await GetIdsAsync(admin, "bbox=12,52,12.1,52.1&groupId=g-north")).Order());
        Assert.Equal(new[] { north.VehicleId, south.VehicleId }.Order(), (await GetIdsAsync(admin, $"bbox=12,52,12.1,52.1&companyId={a}")).Order());
        Assert.Equal(3, (await GetIdsAsync(admin, $"bbox=12,52,12.1,52.1&companyId={a}&companyId={b}")).Length);
    }

    [Theory]
    [InlineData("bbox=1,2,3", "four numbers")]
    [InlineData("bbox=0,10,1,5", "minLat")]
    [InlineData("bbox=0,0,181,1", "within")]
    [InlineData("bbox=-100,0,100,10", "limit is 90")]
    [InlineData("", "four numbers")]
    public async Task GetSnapshot_BadOrTooWideBox_Returns400ProblemNamingTheFault(string query, string expected)
    {
        using var client = fleet.Host.CreateClient(TestTokens.Admin());

        using var response = await client.GetAsync(new Uri("api/v1/vehicles/snapshot?" + query, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSnapshot_MoreVehiclesThanTheLimit_Returns400ProblemNamingTheLimit()
    {
        var company = Company();
        var many = Enumerable.Range(0, SnapshotFixture.MaxVehicles + 1).Select(i => FleetSeed.Position(company, -60 + (i * 0.001), -30)).ToArray();
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, many);
        using var client = fleet.Host.CreateClient(TestTokens.ForCompanies(company));

        using var response = await client.GetAsync(new Uri("api/v1/vehicles/snapshot?bbox=-61,-31,-59,-29", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MaxSnapshotVehicles", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSnapshot_NoToken_Returns401()
    {
        using var client = new HttpClient { BaseAddress = fleet.Host.BaseAddress };

        using var response = await client.GetAsync(new Uri("api/v1/vehicles/snapshot?bbox=0,0,1,1", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetSnapshot_TokenSignedWithAnotherKey_Returns401()
    {
        var forged = TestTokens.Mint([], admin: true, signingKeyHex: new string('a', 64));
        using var client = fleet.Host.CreateClient(forged);

        using var response = await client.GetAsync(new Uri("api/v1/vehicles/snapshot?bbox=0,0,1,1", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetMapConfig_WithToken_GivesTrajectoryAndTileUrls()
    {
        using var client = fleet.Host.CreateClient(TestTokens.ForCompanies("c-1"));

        var config = await client.GetFromJsonAsync<JsonElement>("api/v1/map/config", TestContext.Current.CancellationToken);

        Assert.Equal("http://127.0.0.1:9/trajectory", config.GetProperty("trajectoryUrl").GetString());
        Assert.Equal("/hubs/map", config.GetProperty("hubPath").GetString());
    }

    private static string Company() => "c-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<string?[]> GetIdsAsync(string token, string query)
    {
        using var json = await GetJsonAsync(token, query);
        return json.RootElement.GetProperty("vehicles").EnumerateArray().Select(v => v.GetProperty("vehicleId").GetString()).ToArray();
    }

    private async Task<JsonDocument> GetJsonAsync(string token, string query)
    {
        using var client = fleet.Host.CreateClient(token);
        using var response = await client.GetAsync(new Uri("api/v1/vehicles/snapshot?" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body);
    }
}
