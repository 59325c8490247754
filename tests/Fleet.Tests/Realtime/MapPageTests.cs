using System.Text.Json;
using Microsoft.Playwright;

namespace Fleet.Tests.Realtime;

/// <summary>
/// The real built page (wwwroot + esbuild bundle) served by Kestrel, in headless Chromium: snapshot markers appear,
/// a produced position moves its marker, a company filter hides the other company.
/// </summary>
public sealed class MapPageTests(RealtimeFixture fleet, ChromiumFixture chromium) : IClassFixture<RealtimeFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task MapPage_SnapshotLiveUpdateAndFilter_ShowsMovesAndFilters()
    {
        var (a, b) = ("c-" + Guid.NewGuid().ToString("N")[..6], "c-" + Guid.NewGuid().ToString("N")[..6]);
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var truck = FleetSeed.Position(a, 37.60, 55.75, vehicleId: "v-truck-" + a, groups: ["g-north"], deviceTime: start);
        var van = FleetSeed.Position(a, 37.66, 55.76, vehicleId: "v-van-" + a, speed: 0, deviceTime: start);
        var foreign = FleetSeed.Position(b, 37.63, 55.73, vehicleId: "v-other-" + b, deviceTime: start);
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, truck, van, foreign);
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // Tiles point at an unreachable host on purpose: the page must work without them.
            if (message.Type == "error" && !message.Location.Contains("/tiles/", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(new Uri(fleet.Host.BaseAddress, $"?token={TestTokens.Admin()}#13/55.75/37.63").ToString());
        await WaitAsync(page, "ids => ids.every(id => window.fleetMap && window.fleetMap.screenPoint(id))", new[] { truck.VehicleId, van.VehicleId, foreign.VehicleId });
        // The snapshot can draw markers before the hub subscription exists; a position produced earlier would be missed.
        await WaitAsync(page, "() => window.fleetMap.ready()", Array.Empty<string>());
        var before = await ScreenPointAsync(page, truck.VehicleId);

        await fleet.ProduceAsync(truck with { Lon = 37.62, Heading = 45, DeviceTime = start.AddSeconds(30) });
        await WaitAsync(page, "id => window.fleetMap.vehicle(id) && window.fleetMap.vehicle(id).lon === 37.62", truck.VehicleId);
        var after = await ScreenPointAsync(page, truck.VehicleId);
        Assert.True(after.X > before.X, $"marker moved east on screen: {before.X} -> {after.X}");
        Assert.Equal("connected", await page.EvaluateAsync<string>("window.fleetMap.state()"));

        await page.SelectOptionAsync("#filter-companies", [a]);
        await WaitAsync(page, "id => !window.fleetMap.vehicle(id)", foreign.VehicleId);
        Assert.Equal(new[] { truck.VehicleId, van.VehicleId }.Order(), (await page.EvaluateAsync<string[]>("window.fleetMap.vehicleIds()")).Order());

        var mapBox = await page.Locator("#map").BoundingBoxAsync(); // screen points are relative to the map
        await page.Mouse.ClickAsync(mapBox!.X + (float)after.X, mapBox.Y + (float)after.Y);
        await page.WaitForSelectorAsync("#panel:not([hidden])");
        Assert.Contains("A123BC77", await page.TextContentAsync("#panel-title") ?? "", StringComparison.Ordinal);

        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.ResultsDirectory(), "map-page.png") });
        Assert.Empty(errors);
    }

    private static async Task<(double X, double Y)> ScreenPointAsync(IPage page, string vehicleId)
    {
        var point = await page.EvaluateAsync<JsonElement>("id => window.fleetMap.screenPoint(id)", vehicleId);
        return (point.GetProperty("x").GetDouble(), point.GetProperty("y").GetDouble());
    }

    private static async Task WaitAsync(IPage page, string expression, object argument) =>
        await page.WaitForFunctionAsync(expression, argument, new() { Timeout = (float)Eventually.Deadline.TotalMilliseconds, PollingInterval = 50 });
}
