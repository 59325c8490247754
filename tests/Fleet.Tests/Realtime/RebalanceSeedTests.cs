namespace Fleet.Tests.Realtime;

/// <summary>
/// An instance that is newly assigned partitions (after a rebalance or a restart) never routed its vehicles' earlier
/// points: it seeds their last positions from <c>fleet:state</c>, so a vehicle's first point there still sends
/// <c>left</c> and a replayed older point is still dropped. The instance under test has a consumer group of its own,
/// so it is assigned every partition after the state was written.
/// </summary>
public sealed class RebalanceSeedTests(RealtimeFixture fleet) : IClassFixture<RealtimeFixture>
{
    [Fact]
    public async Task Route_FirstPointAfterAssignmentOutsideView_SendsLeftFromStoredPosition()
    {
        var company = Company();
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var shown = FleetSeed.Position(company, 30.5, 40.5, deviceTime: start); // routed earlier by another instance
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, shown);
        await using var newOwner = await StartNewOwnerAsync();
        await using var client = await MapClient.ConnectAsync(newOwner, TestTokens.ForCompanies(company));
        await client.SubscribeAsync([30, 40, 31, 41], hosts: [newOwner, fleet.Host]);

        await fleet.ProduceAsync(shown with { Lon = 31.5, DeviceTime = start.AddSeconds(10) });

        await Eventually.TrueAsync(() => client.Left.Contains(shown.VehicleId), "left after the assignment");
        Assert.DoesNotContain(client.Positions, p => p.VehicleId == shown.VehicleId);
    }

    [Fact]
    public async Task Route_PointOlderThanStoredStateAfterAssignment_IsDropped()
    {
        var company = Company();
        var now = DateTimeOffset.UtcNow;
        var stored = FleetSeed.Position(company, 32.5, 40.5, deviceTime: now);
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, stored);
        await using var newOwner = await StartNewOwnerAsync();
        var droppedBefore = newOwner.Metrics.DroppedTotal;

        await fleet.ProduceAsync(stored with { Lat = 40.9, DeviceTime = now.AddMinutes(-5) }); // a replay from before the rebalance

        await Eventually.TrueAsync(() => newOwner.Metrics.DroppedTotal > droppedBefore, "older point dropped by the new owner");
    }

    [Fact]
    public async Task Route_PointEqualToStoredStateAfterAssignment_IsStillSent()
    {
        var company = Company();
        var point = FleetSeed.Position(company, 34.5, 40.5); // stored by Processing, never routed by the previous owner
        await FleetSeed.WriteStateAsync(fleet.Redis, fleet.KeyPrefix, point);
        await using var newOwner = await StartNewOwnerAsync();
        await using var client = await MapClient.ConnectAsync(newOwner, TestTokens.ForCompanies(company));
        await client.SubscribeAsync([34, 40, 35, 41], hosts: [newOwner, fleet.Host]);

        await fleet.ProduceAsync(point);

        // Both instances consume it (two groups) and route it to this client: once from each, none dropped it.
        await Eventually.TrueAsync(() => client.Positions.Count(p => p.VehicleId == point.VehicleId) >= 2, "sent by both instances");
        Assert.Equal(2, client.Positions.Count(p => p.VehicleId == point.VehicleId));
    }

    private async Task<RealtimeHost> StartNewOwnerAsync()
    {
        var host = fleet.StartHost(new Dictionary<string, string?>
        {
            ["Realtime:ConsumerGroup"] = "realtime-new-owner-" + Guid.NewGuid().ToString("N")[..8],
            ["Kafka:Consumer:auto.offset.reset"] = "earliest", // "latest" could be resolved after the test produced
        });
        await Eventually.TrueAsync(() => host.Consumer.IsAssigned, "partitions assigned");
        return host;
    }

    private static string Company() => "c-" + Guid.NewGuid().ToString("N")[..8];
}
