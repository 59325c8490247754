namespace Fleet.Tests.Realtime;

/// <summary>
/// Two Realtime instances on one Redis backplane. Instance B consumes nothing, so a client connected to B can only
/// get a position through instance A's consumer, A's routing against the replicated subscription and the backplane.
/// </summary>
public sealed class ScaleOutTests(RealtimeFixture fleet) : IClassFixture<RealtimeFixture>
{
    [Fact]
    public async Task Position_ConsumedByInstanceA_ReachesClientOnInstanceBOnceAndOnlyItsCompany()
    {
        await using var instanceB = fleet.StartHost(new Dictionary<string, string?> { ["Realtime:ConsumePositions"] = "false" });
        var (a, b) = (Company(), Company());
        await using var clientOnB = await MapClient.ConnectAsync(instanceB, TestTokens.ForCompanies(a));
        await using var otherOnB = await MapClient.ConnectAsync(instanceB, TestTokens.ForCompanies(b));
        await clientOnB.SubscribeAsync([40, 40, 41, 41], hosts: [instanceB, fleet.Host]);
        await otherOnB.SubscribeAsync([40, 40, 41, 41], hosts: [instanceB, fleet.Host]);
        var start = DateTimeOffset.UtcNow;
        var mine = FleetSeed.Position(a, 40.5, 40.5, deviceTime: start);
        var moved = mine with { Lat = 40.6, DeviceTime = start.AddSeconds(1) };

        await fleet.ProduceAsync(mine);
        await clientOnB.WaitForPositionAsync(mine.VehicleId); // two frames: one frame keeps only the latest point
        await fleet.ProduceAsync(moved);
        await clientOnB.WaitForPositionAsync(mine.VehicleId, p => p.Lat == 40.6);
        await fleet.BarrierAsync(otherOnB, b, 40.1, 40.1);
        await fleet.BarrierAsync(clientOnB, a, 40.1, 40.1);

        Assert.False(instanceB.Consumer.IsAssigned);
        Assert.Equal(2, clientOnB.Positions.Count(p => p.VehicleId == mine.VehicleId)); // each update exactly once
        Assert.False(otherOnB.Received(mine.VehicleId));
    }

    [Fact]
    public async Task Subscription_MadeOnInstanceB_IsKnownToAAndDroppedOnDisconnect()
    {
        await using var instanceB = fleet.StartHost(new Dictionary<string, string?> { ["Realtime:ConsumePositions"] = "false" });
        var client = await MapClient.ConnectAsync(instanceB, TestTokens.Admin());
        await client.SubscribeAsync([42, 40, 43, 41], hosts: [instanceB, fleet.Host]);
        var id = client.ConnectionId!;

        await client.DisposeAsync();

        await Eventually.TrueAsync(() => fleet.Host.Registry.Find(id) is null, "subscription dropped on instance A");
    }

    private static string Company() => "c-" + Guid.NewGuid().ToString("N")[..8];
}
