using System.Text.Json;
using Fleet.Contracts.Events;
using Fleet.Realtime.Positions;
using Fleet.Realtime.State;
using StackExchange.Redis;

namespace Fleet.Tests.Realtime;

/// <summary>Writes current state exactly as docs/redis-layout.md says Processing does (fleet:state, fleet:geo, fleet:geo:company:{id}).</summary>
public static class FleetSeed
{
    private static int _sequence;

    public static VehiclePosition Position(string companyId, double lon, double lat, string? vehicleId = null,
        string[]? groups = null, double speed = 42, DateTimeOffset? deviceTime = null) => new()
    {
        VehicleId = vehicleId ?? $"v-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}"[..16],
        DeviceId = "dev-" + (vehicleId ?? "x"),
        CompanyId = companyId,
        DriverId = "d-1",
        GroupIds = groups ?? [],
        Plate = "A123BC77",
        Name = "Truck",
        Lat = lat,
        Lon = lon,
        Speed = speed,
        Heading = 90,
        Ignition = true,
        Fuel = 37.5,
        DeviceTime = deviceTime ?? DateTimeOffset.UtcNow,
        ServerTime = DateTimeOffset.UtcNow,
    };

    public static async Task WriteStateAsync(IDatabase db, string prefix, params VehiclePosition[] positions)
    {
        foreach (var position in positions)
        {
            await Task.WhenAll(Write(db, prefix, position));
        }
    }

    /// <summary>Many vehicles at once: every write is sent before any is awaited (order between vehicles does not matter).</summary>
    public static Task WriteManyAsync(IDatabase db, string prefix, IEnumerable<VehiclePosition> positions) =>
        Task.WhenAll(positions.SelectMany(p => Write(db, prefix, p)));

    private static Task[] Write(IDatabase db, string prefix, VehiclePosition position)
    {
        var item = PositionRouter.ToItem(position);
        // Processing's stored item carries serverTime too; readers must tolerate it.
        var json = JsonSerializer.SerializeToNode(item, RealtimeJsonContext.Default.SnapshotItem)!.AsObject();
        json["serverTime"] = position.ServerTime.ToString("O");
        return
        [
            db.HashSetAsync(prefix + "state", position.VehicleId, json.ToJsonString()),
            db.GeoAddAsync(prefix + "geo", position.Lon, position.Lat, position.VehicleId),
            db.GeoAddAsync(prefix + "geo:company:" + position.CompanyId, position.Lon, position.Lat, position.VehicleId),
        ];
    }
}
