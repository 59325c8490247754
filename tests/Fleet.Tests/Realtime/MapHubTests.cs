using Fleet.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Fleet.Tests.Realtime;

/// <summary>
/// /hubs/map against real Redis and the mock Kafka cluster: positions are produced to vehicle.positions and each
/// client must receive exactly the vehicles inside its subscription. "Not received" is proven with
/// <see cref="RealtimeFixture.ProduceAndRouteAsync"/> followed by a barrier sentinel.
/// </summary>
public sealed class MapHubTests(RealtimeFixture fleet) : IClassFixture<RealtimeFixture>
{
    [Fact]
    public async Task Subscribe_PositionsInsideAndOutside_ReceivesOnlyInside()
    {
        var company = Company();
        await using var client = await MapClient.ConnectAsync(fleet.Host, TestTokens.ForCompanies(company));
        await client.SubscribeAsync([20, 40, 21, 41], hosts: fleet.Host);
        var inside = FleetSeed.Position(company, 20.5, 40.5);
        var outside = FleetSeed.Position(company, 21.5, 40.5);

        await fleet.ProduceAndRouteAsync(outside);
        await fleet.ProduceAsync(inside);
        await client.WaitForPositionAsync(inside.VehicleId);
        await fleet.BarrierAsync(client, company, 20.1, 40.1);

        Assert.False(client.Received(outside.VehicleId));
        var item = client.Positions.First(p => p.VehicleId == inside.VehicleId);
        Assert.Equal((inside.Lat, inside.Lon, inside.CompanyId, "moving"), (item.Lat, item.Lon, item.CompanyId, item.Status));
    }

    [Fact]
    public async Task Subscribe_OtherCompanyInsideView_NeverReceivesIt()
    {
        var (a, b) = (Company(), Company());
        await using var clientA = await MapClient.ConnectAsync(fleet.Host, TestTokens.ForCompanies(a));
        await using var clientB = await MapClient.ConnectAsync(fleet.Host, TestTokens.ForCompanies(b));
        await clientA.SubscribeAsync([22, 40, 23, 41], hosts: fleet.Host);
        await clientB.SubscribeAsync([22, 40, 23, 41], hosts: fleet.Host);
        var ofB = FleetSeed.Position(b, 22.5, 40.5);

        await fleet.ProduceAndRouteAsync(ofB);
        await clientB.WaitForPositionAsync(ofB.VehicleId);
        await fleet.BarrierAsync(clientA, a, 22.2, 40.2);

        Assert.False(clientA.Received(ofB.VehicleId));
        Assert.All(clientA.Positions, p => Assert.Equal(a, p.CompanyId));
    }

    [Fact]
    public async Task Subscribe_AnotherCompanyRequested_IsRefused()
    {
        await using var client = await MapClient.ConnectAsync(fleet.Host, TestTokens.ForCompanies("c-mine"));

        var error = await Assert.ThrowsAsync<HubException>(() =>
            client.InvokeSubscribeAsync(new MapSubscriptionRequest { Bbox = [0, 0, 1, 1], CompanyIds = ["c-other"] }));

        Assert.Contains("company", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new double[] { 0, 0, 1 }, "four numbers")]
    [InlineData(new double[] { 0, 5, 1, 1 }, "minLat")]
    public async Task Subscribe_BadBox_IsRefusedNamingTheFault(double[] bbox, string expected)
    {
        await using var client = await MapClient.ConnectAsync(fleet.Host, TestTokens.Admin());

        var error = await Assert.ThrowsAsync<HubException>(() => client.InvokeSubscribeAsync(new MapSubscriptionRequest { Bbox = bbox }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_VehicleMovesOutOfView_ReceivesLeft()
    {
        var company = Company();
        await using var client = await MapClient.ConnectAsync(fleet.Host, TestTokens.ForCompanies(company));
        await client.SubscribeAsync([24, 40, 25, 41], hosts: fleet.Host);
        var start = DateTimeOffset.UtcNow;
        var inside = FleetSeed.Position(company, 24.5, 40.5, deviceTime: start);
        var movedOut = inside with { Lon = 25.5, DeviceTime = start.AddSeconds(10) };

        await fleet.ProduceAsync(inside);
        await client.WaitForPositionAsync(inside.VehicleId);
        await fleet.ProduceAsync(movedOut);

        await Eventually.TrueAsync(() => client.Left.Contains(inside.VehicleId), "left");
        Assert.DoesNotContain(client.Positions, p => p.VehicleId == inside.VehicleId && p.Lon > 25);
    }

    [Fact]
    public async Task Subscribe_LatePointOlderThanLast_IsNotSent()
    {
        var company = Company();
        await using var client = await MapClient.ConnectAsync(fleet.Host, TestTokens.ForCompanies(company));
        await client.SubscribeAsync([26, 40, 27, 41], hosts: fleet.Host);
        var now = DateTimeOffset.UtcNow;
        var current = FleetSeed.Position(company, 26.5, 40.5, deviceTime: now);
        var late = current with { Lat = 40.9, DeviceTime = now.AddMinutes(-5) };
        var next = current with { Lat = 40.7, DeviceTime = now.AddSeconds(5) };

        await fleet.ProduceAsync(current);
        await client.WaitForPositionAsync(current.VehicleId);
        await fleet.ProduceAsync(late);
        await fleet.ProduceAsync(next); // same key: routed after the late one
        await client.WaitForPositionAsync(current.VehicleId, p => p.Lat == 40.7);

        Assert.DoesNotContain(client.Positions, p => p.Lat == 40.9);
    }

    [Fact]
    public async Task Subscribe_RepeatedMessageOfAPoint_IsSentOnce()
    {
        var company = Company();
        await using var client = await MapClient.ConnectAsync(fleet.Host, TestTokens.ForCompanies(company));
        await client.SubscribeAsync([38, 40, 39, 41], hosts: fleet.Host);
        var point = FleetSeed.Position(company, 38.5, 40.5);

        await fleet.ProduceAsync(point);
        await client.WaitForPositionAsync(point.VehicleId);
        var droppedBefore = fleet.Host.Metrics.DroppedTotal;
        await fleet.ProduceAsync(point); // at-least-once upstream: the same vehicleId + deviceTime again
        await Eventually.TrueAsync(() => fleet.Host.Metrics.DroppedTotal > droppedBefore, "repeat consumed and dropped");
        await fleet.BarrierAsync(client, company, 38.1, 40.1);

        Assert.Single(client.Positions, p => p.VehicleId == point.VehicleId);
    }

    [Fact]
    public async Task Subscribe_AcrossAntimeridian_ReceivesBothSidesOnly()
    {
        var company = Company();
        await using var client = await MapClient.ConnectAsync(fleet.Host, TestTokens.ForCompanies(company));
        await client.SubscribeAsync([170, -20, -170, -10], hosts: fleet.Host);
        var east = FleetSeed.Position(company, 175, -15);
        var west = FleetSeed.Position(company, -175, -15);
        var greenwich = FleetSeed.Position(company, 0, -15);

        await fleet.ProduceAndRouteAsync(greenwich);
        await fleet.ProduceAsync(east);
        await fleet.ProduceAsync(west);
        await client.WaitForPositionAsync(east.VehicleId);
        await client.WaitForPositionAsync(west.VehicleId);
        await fleet.BarrierAsync(client, company, 179.9, -15);

        Assert.False(client.Received(greenwich.VehicleId));
    }

    [Fact]
    public async Task Subscribe_GroupAndCompanyFilters_ReceivesOnlyMatching()
    {
        var (a, b) = (Company(), Company());
        await using var admin = await MapClient.ConnectAsync(fleet.Host, TestTokens.Admin());
        await admin.SubscribeAsync([28, 40, 29, 41], companyIds: [a], groupIds: ["g-north"], hosts: fleet.Host);
        var match = FleetSeed.Position(a, 28.5, 40.5, groups: ["g-north", "g-x"]);
        var otherGroup = FleetSeed.Position(a, 28.5, 40.6, groups: ["g-south"]);
        var otherCompany = FleetSeed.Position(b, 28.5, 40.7, groups: ["g-north"]);

        await fleet.ProduceAndRouteAsync(otherGroup);
        await fleet.ProduceAndRouteAsync(otherCompany);
        await fleet.ProduceAsync(match);
        await admin.WaitForPositionAsync(match.VehicleId);
        await fleet.BarrierAsync(admin, a, 28.1, 40.1, groups: ["g-north"]);

        Assert.False(admin.Received(otherGroup.VehicleId));
        Assert.False(admin.Received(otherCompany.VehicleId));
    }

    [Fact]
    public async Task Subscribe_AgainWithNewView_FollowsTheNewView()
    {
        var company = Company();
        await using var client = await MapClient.ConnectAsync(fleet.Host, TestTokens.ForCompanies(company));
        await client.SubscribeAsync([30, 40, 31, 41], hosts: fleet.Host);
        await client.SubscribeAsync([32, 40, 33, 41], hosts: fleet.Host);
        var oldView = FleetSeed.Position(company, 30.5, 40.5);
        var newView = FleetSeed.Position(company, 32.5, 40.5);

        await fleet.ProduceAndRouteAsync(oldView);
        await fleet.ProduceAsync(newView);
        await client.WaitForPositionAsync(newView.VehicleId);
        await fleet.BarrierAsync(client, company, 32.1, 40.1);

        Assert.False(client.Received(oldView.VehicleId));
    }

    [Fact]
    public async Task Subscribe_MessagePackProtocol_ReceivesTheSameItems()
    {
        var company = Company();
        await using var client = await MapClient.ConnectAsync(fleet.Host, TestTokens.ForCompanies(company), messagePack: true);
        await client.SubscribeAsync([34, 40, 35, 41], hosts: fleet.Host);
        var inside = FleetSeed.Position(company, 34.5, 40.5, groups: ["g-1"]);

        await fleet.ProduceAsync(inside);
        await client.WaitForPositionAsync(inside.VehicleId);

        var item = client.Positions.First(p => p.VehicleId == inside.VehicleId);
        Assert.Equal((inside.Lat, inside.Lon, inside.Plate, 90.0), (item.Lat, item.Lon, item.Plate, item.Heading ?? 0));
        Assert.Equal(["g-1"], item.GroupIds);
    }

    [Fact]
    public async Task Disconnect_RemovesTheSubscriptionEverywhere()
    {
        var client = await MapClient.ConnectAsync(fleet.Host, TestTokens.Admin());
        await client.SubscribeAsync([36, 40, 37, 41], hosts: fleet.Host);
        var id = client.ConnectionId!;

        await client.DisposeAsync();

        await Eventually.TrueAsync(() => fleet.Host.Registry.Find(id) is null, "subscription removed");
    }

    private static string Company() => "c-" + Guid.NewGuid().ToString("N")[..8];
}
