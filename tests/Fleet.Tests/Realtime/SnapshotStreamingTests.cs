using System.Net;
using System.Text.Json;

namespace Fleet.Tests.Realtime;

/// <summary>
/// The snapshot is written to the response while fleet:state is read in chunks: a box of thousands of vehicles must
/// still answer each exactly once, in the contract shape, with every filter applied across chunk boundaries.
/// </summary>
public sealed class SnapshotStreamingTests(RealtimeFixture fleet) : IClassFixture<RealtimeFixture>
{
    private const int Inside = 2_600; // several HMGET chunks and many writer flushes

    private static readonly string[] ItemProperties =
        ["vehicleId", "deviceId", "companyId", "driverId", "groupIds", "plate", "name", "lat", "lon", "speed", "heading", "ignition", "fuel", "deviceTime", "status"];

    [Fact]
    public async Task GetSnapshot_ThousandsInView_ReturnsEachOnceInContractShapeWithFilters()
    {
        var (company, other) = ("c-" + Guid.NewGuid().ToString("N")[..8], "c-" + Guid.NewGuid().ToString("N")[..8]);
        var inside = Enumerable.Range(0, Inside)
            .Select(i => FleetSeed.Position(company, 40 + (i % 50 * 0.01), -40 + (i / 50 * 0.01), groups: [i % 2 == 0 ? "g-even" : "g-odd"]))
            .ToArray();
        var outside = Enumerable.Range(0, 10).Select(i => FleetSeed.Position(company, 41.5 + (i * 0.01), -39.5)).ToArray();
        var otherCompany = Enumerable.Range(0, 10).Select(i => FleetSeed.Position(other, 40.2 + (i * 0.01), -39.9)).ToArray();
        await FleetSeed.WriteManyAsync(fleet.Redis, fleet.KeyPrefix, inside.Concat(outside).Concat(otherCompany));
        const string box = "bbox=39.99,-40.01,40.5,-38.9";

        using var mine = await GetJsonAsync(TestTokens.ForCompanies(company), box);
        var vehicles = mine.RootElement.GetProperty("vehicles").EnumerateArray().ToArray();
        Assert.Equal(inside.Select(v => v.VehicleId).Order(), vehicles.Select(v => v.GetProperty("vehicleId").GetString()).Order());
        Assert.All(vehicles, v => Assert.Equal(ItemProperties, v.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["asOf", "vehicles"], mine.RootElement.EnumerateObject().Select(p => p.Name));

        using var even = await GetJsonAsync(TestTokens.Admin(), box + $"&companyId={company}&groupId=g-even");
        Assert.Equal(Inside / 2, even.RootElement.GetProperty("vehicles").GetArrayLength());
        Assert.All(even.RootElement.GetProperty("vehicles").EnumerateArray(), v => Assert.Equal("g-even", v.GetProperty("groupIds")[0].GetString()));

        using var all = await GetJsonAsync(TestTokens.Admin(), box);
        Assert.Equal(Inside + otherCompany.Length, all.RootElement.GetProperty("vehicles").EnumerateArray()
            .Count(v => v.GetProperty("companyId").GetString() is { } c && (c == company || c == other)));
    }

    private async Task<JsonDocument> GetJsonAsync(string token, string query)
    {
        using var client = fleet.Host.CreateClient(token);
        using var response = await client.GetAsync(new Uri("api/v1/vehicles/snapshot?" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("search;dur=", response.Headers.GetValues("Server-Timing").Single(), StringComparison.Ordinal);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
