using System.Net;
using System.Text.Json;
using Fleet.Realtime.State;

namespace Fleet.Tests.Realtime;

/// <summary>
/// The snapshot's state reads go out while later geo search pieces still answer, spread over several Redis
/// connections and copied in parallel: the answer must still hold each vehicle once, in order-independent full, with
/// the company scope, group filter and vehicle limit as before.
/// </summary>
public sealed class SnapshotPooledReadTests(RealtimeFixture fleet) : IClassFixture<RealtimeFixture>
{
    private const int Columns = 100;
    private const int Rows = 25;

    [Fact]
    public async Task GetSnapshot_LongBoxOverThreeConnections_ReturnsEachVehicleOnceWithFilters()
    {
        var (company, other) = ("c-" + Guid.NewGuid().ToString("N")[..8], "c-" + Guid.NewGuid().ToString("N")[..8]);
        // An 8° × 0.5° box is searched as 16 pieces, 0.5° wide: every 25th column sits exactly on a piece boundary.
        var inside = Enumerable.Range(0, Columns * Rows)
            .Select(i => FleetSeed.Position(company, -30 + (i % Columns * 0.08), 10.01 + (i / Columns * 0.019), groups: [i % 3 == 0 ? "g-a" : "g-b"]))
            .ToArray();
        var otherCompany = Enumerable.Range(0, 20).Select(i => FleetSeed.Position(other, -29 + (i * 0.25), 10.2)).ToArray();
        var outside = Enumerable.Range(0, 20).Select(i => FleetSeed.Position(company, -30 + (i * 0.4), 10.6)).ToArray();
        await FleetSeed.WriteManyAsync(fleet.Redis, fleet.KeyPrefix, inside.Concat(otherCompany).Concat(outside));
        Assert.Equal(16, GeoBoxSearch.Pieces(new BoundingBox(-30, 10, -22, 10.5)).Count());
        using var host = fleet.StartHost(new Dictionary<string, string?>
        {
            ["Realtime:ConsumePositions"] = "false",
            ["Realtime:SnapshotReadConnections"] = "3",
        });
        const string box = "bbox=-30,10,-22,10.5";

        var mine = await GetVehicleIdsAsync(host, TestTokens.ForCompanies(company), box);
        Assert.Equal(inside.Select(v => v.VehicleId).Order(StringComparer.Ordinal), mine.Order(StringComparer.Ordinal));

        var admin = await GetVehicleIdsAsync(host, TestTokens.Admin(), box);
        Assert.Equal(inside.Concat(otherCompany).Select(v => v.VehicleId).Order(StringComparer.Ordinal),
            admin.Where(id => inside.Concat(otherCompany).Any(v => v.VehicleId == id)).Order(StringComparer.Ordinal));
        Assert.Equal(admin.Length, admin.Distinct().Count());

        var groupA = await GetVehicleIdsAsync(host, TestTokens.Admin(), box + $"&companyId={company}&groupId=g-a");
        Assert.Equal(inside.Where((_, i) => i % 3 == 0).Select(v => v.VehicleId).Order(StringComparer.Ordinal), groupA.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetSnapshot_PipelinedReadsOverTheLimit_Returns400AndLaterRequestsStillAnswer()
    {
        var company = "c-" + Guid.NewGuid().ToString("N")[..8];
        var vehicles = Enumerable.Range(0, 1_500).Select(i => FleetSeed.Position(company, 60 + (i % 50 * 0.01), -20 + (i / 50 * 0.01))).ToArray();
        await FleetSeed.WriteManyAsync(fleet.Redis, fleet.KeyPrefix, vehicles);
        using var host = fleet.StartHost(new Dictionary<string, string?>
        {
            ["Realtime:ConsumePositions"] = "false",
            ["Realtime:SnapshotReadConnections"] = "2",
            ["Realtime:MaxSnapshotVehicles"] = "1200",
        });
        using var client = host.CreateClient(TestTokens.ForCompanies(company));

        using var tooMany = await client.GetAsync(new Uri("api/v1/vehicles/snapshot?bbox=59.99,-20.01,60.5,-19.6", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);

        var fewer = await GetVehicleIdsAsync(host, TestTokens.ForCompanies(company), "bbox=59.99,-20.01,60.5,-19.85");
        Assert.Equal(vehicles.Where(v => v.Lat <= -19.85).Select(v => v.VehicleId).Order(StringComparer.Ordinal), fewer.Order(StringComparer.Ordinal));
    }

    private static async Task<string[]> GetVehicleIdsAsync(RealtimeHost host, string token, string query)
    {
        using var client = host.CreateClient(token);
        using var response = await client.GetAsync(new Uri("api/v1/vehicles/snapshot?" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("vehicles").EnumerateArray().Select(v => v.GetProperty("vehicleId").GetString()!).ToArray();
    }
}
