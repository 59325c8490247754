using System.Collections.Concurrent;
using Fleet.History;

namespace Fleet.Tests.Processing;

/// <summary>TEMPORARY until branch history-trajectory lands its stores: a deduplicating IHistoryStore.</summary>
internal sealed class InMemoryHistoryStore : IHistoryStore
{
    private readonly ConcurrentDictionary<(string, string, DateTimeOffset), HistoryRecord> _rows = new();

    public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task WriteAsync(IReadOnlyList<HistoryRecord> batch, CancellationToken cancellationToken)
    {
        foreach (var r in batch)
        {
            _rows[(r.VehicleId, r.DeviceId, r.DeviceTime)] = r;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HistoryRecord>> ReadVehicleAsync(string vehicleId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HistoryRecord>>(_rows.Values.Where(r => r.VehicleId == vehicleId && r.DeviceTime >= fromTime && r.DeviceTime < toTime).OrderBy(r => r.DeviceTime).ToList());

    public Task<IReadOnlyList<HistoryRecord>> ReadDeviceAsync(string deviceId, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HistoryRecord>>(_rows.Values.Where(r => r.DeviceId == deviceId && r.DeviceTime >= fromTime && r.DeviceTime < toTime).OrderBy(r => r.DeviceTime).ToList());
}
