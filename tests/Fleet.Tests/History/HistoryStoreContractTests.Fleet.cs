using Fleet.History;
using Fleet.Trajectory.Services;

namespace Fleet.Tests.History;

/// <summary>The contract of <see cref="IHistoryStore.ReadFleetTracksAsync"/> and the fleet summary built on it.</summary>
public abstract partial class HistoryStoreContractTests
{
    [Fact]
    public async Task ReadFleetTracks_ShuffledDuplicatedTwoVehicles_SameRowsAsReadTrackOnceSortedAndDeduplicated()
    {
        var a = Drive(V("fa"), D("fa"), 60);
        var b = Drive(V("fb"), D("fb"), 45);
        var mixed = a.Concat(b).OrderBy(p => (p.DeviceTime.Second * 7919) + p.VehicleId.Length).ToList();
        await Store.WriteAsync([.. mixed.Take(70), .. mixed.Take(10)], Ct);
        await Store.WriteAsync(mixed.Skip(50).ToList(), Ct);

        var fleet = await Store.ReadFleetTracksAsync([V("fa"), V("fb"), V("none")], T0, T0.AddHours(1), Ct);

        Assert.Equal([V("fa"), V("fb")], fleet.Keys.Order(StringComparer.Ordinal));
        foreach (var vehicle in new[] { V("fa"), V("fb") })
        {
            var once = fleet[vehicle].DistinctBy(r => r.DeviceTime).OrderBy(r => r.DeviceTime);
            Assert.Equal(await Store.ReadTrackAsync(vehicle, T0, T0.AddHours(1), Ct), once);
        }
    }

    [Fact]
    public async Task SummarizeFleet_ShuffledDuplicatedArrival_SameDaysAsPerVehicleSummaries()
    {
        var vehicles = new[] { new VehicleInfo(V("sa"), "c", [], "Europe/Moscow"), new VehicleInfo(V("sb"), "c", [], "UTC") };
        var points = Drive(V("sa"), D("sa"), 120).Concat(Drive(V("sb"), D("sb"), 90)).ToList();
        var shuffled = points.OrderBy(p => (p.DeviceTime.Second * 7919) % 97).ToList();
        await Store.WriteAsync([.. shuffled.Skip(100), .. shuffled.Take(30)], Ct);
        await Store.WriteAsync(shuffled.Take(120).ToList(), Ct);
        var tracks = new VehicleTracks(Store);
        var period = new Period(T0.AddHours(-1), T0.AddHours(2));

        var fleet = await tracks.SummarizeFleetAsync(vehicles, period, 2, Ct);

        Assert.Equal(2, fleet.Length);
        for (var i = 0; i < vehicles.Length; i++)
        {
            var single = await tracks.SummarizeAsync(vehicles[i], period, Ct);
            Assert.Equal(single, fleet[i]);
            Assert.True(Assert.Single(fleet[i]).DistanceKm > 1);
        }
    }

    /// <summary>A straight drive at ~54 km/h, one point every 10 s, ignition on.</summary>
    private static List<HistoryRecord> Drive(string vehicleId, string deviceId, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Point(vehicleId, deviceId, T0.AddSeconds(i * 10)) with
        {
            Lat = 55.75 + (i * 0.00135), Speed = 54, Ignition = true, Fuel = 50 - (i * 0.01),
        })];
}
