using Fleet.History;
using Fleet.Trajectory.Analysis;

namespace Fleet.Trajectory.Services;

/// <summary>Reads a vehicle's stored points for a period and hands them to the pure analysis as <see cref="HistoryPoint"/>s.</summary>
public sealed class VehicleTracks(IHistoryStore store)
{
    public Task<IReadOnlyList<HistoryRecord>> ReadAsync(string vehicleId, Period period, CancellationToken cancellationToken) =>
        store.ReadTrackAsync(vehicleId, period.From, period.To, cancellationToken);

    public async Task<TrackAnalysis> AnalyzeAsync(string vehicleId, Period period, CancellationToken cancellationToken) =>
        TrackAnalyzer.Analyze(ToPoints(await ReadAsync(vehicleId, period, cancellationToken)));

    public async Task<IReadOnlyList<DailySummary>> SummarizeAsync(VehicleInfo vehicle, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        var track = TrackCleaner.Clean(ToPoints(await ReadAsync(vehicle.Id, period, cancellationToken)));
        var result = DailySummaryCalculator.Compute(track, vehicle.TimeZone);
        // An unknown zone id in the read model must not hide the vehicle: fall back to UTC days.
        return result.IsSuccess ? result.Days : DailySummaryCalculator.Compute(track, TimeZoneInfo.Utc);
    }

    public static IReadOnlyList<HistoryPoint> ToPoints(IReadOnlyList<HistoryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Select(r => new HistoryPoint(
            r.DeviceTime, r.Lat, r.Lon, r.Speed ?? 0, r.Heading, r.Altitude, r.Ignition, r.Fuel, r.Satellites, r.Valid,
            r.Odometer, r.Alarm is { Length: > 0 } alarm ? alarm : null)).ToList();
    }
}
