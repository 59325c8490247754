using Fleet.History;
using Fleet.Trajectory.Analysis;

namespace Fleet.Trajectory.Services;

/// <summary>Reads a vehicle's stored points for a period and hands them to the pure analysis as <see cref="HistoryPoint"/>s.</summary>
public sealed class VehicleTracks(IHistoryStore store)
{
    public Task<IReadOnlyList<HistoryRecord>> ReadAsync(string vehicleId, Period period, CancellationToken cancellationToken) =>
        store.ReadTrackAsync(vehicleId, period.From, period.To, cancellationToken);

    /// <summary>
    /// Analysis reads the track as value types (<see cref="IHistoryStore.ReadTrackRowsAsync"/>: no server-side sort or
    /// dedupe, which cost more than half of a month read on 18.16); the cleaner's sort and dedupe give the same track
    /// whatever the row order. One query even for a month: concurrent time slices measured no faster on two cores.
    /// </summary>
    public async Task<TrackAnalysis> AnalyzeAsync(string vehicleId, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        List<HistoryPoint> points;
        using (var rows = await store.ReadTrackRowsAsync(vehicleId, period.From, period.To, cancellationToken))
        {
            points = ToPoints(rows.Span);
        }

        return TrackAnalyzer.Analyze(points);
    }

    public async Task<IReadOnlyList<DailySummary>> SummarizeAsync(VehicleInfo vehicle, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        return Summarize(vehicle, await ReadAsync(vehicle.Id, period, cancellationToken));
    }

    /// <summary>
    /// Daily summaries of many vehicles, read <see cref="FleetBatchSize"/> vehicles per query (unsorted on the server: the
    /// cleaner's sort and dedupe make the answer identical to per-vehicle reads) with batches read and analysed in parallel.
    /// Results are in the order of <paramref name="vehicles"/>.
    /// </summary>
    public async Task<IReadOnlyList<DailySummary>[]> SummarizeFleetAsync(
        IReadOnlyList<VehicleInfo> vehicles, Period period, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehicles);
        ArgumentNullException.ThrowIfNull(period);
        var results = new IReadOnlyList<DailySummary>[vehicles.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, vehicles.Count).Chunk(FleetBatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var tracks = await store.ReadFleetTracksAsync([.. batch.Select(i => vehicles[i].Id)], period.From, period.To, token);
                foreach (var i in batch)
                {
                    results[i] = Summarize(vehicles[i], tracks.TryGetValue(vehicles[i].Id, out var records) ? records : []);
                }
            });
        return results;
    }

    /// <summary>Vehicles per fleet query: large enough to amortise the query, small enough to keep a batch's points in memory (~60 MB).</summary>
    public const int FleetBatchSize = 32;

    private static IReadOnlyList<DailySummary> Summarize(VehicleInfo vehicle, IReadOnlyList<HistoryRecord> records)
    {
        var track = TrackCleaner.Clean(ToPoints(records));
        var result = DailySummaryCalculator.Compute(track, vehicle.TimeZone);
        // An unknown zone id in the read model must not hide the vehicle: fall back to UTC days.
        return result.IsSuccess ? result.Days : DailySummaryCalculator.Compute(track, TimeZoneInfo.Utc);
    }

    /// <summary>The daily summaries of one vehicle's rows (any order, duplicates allowed) in <paramref name="zone"/>.</summary>
    public static IReadOnlyList<DailySummary> Summarize(IReadOnlyList<HistoryRecord> records, TimeZoneInfo zone) =>
        DailySummaryCalculator.Compute(TrackCleaner.Clean(ToPoints(records)), zone);

    public static List<HistoryPoint> ToPoints(ReadOnlySpan<TrackRow> rows)
    {
        var points = new List<HistoryPoint>(rows.Length);
        foreach (ref readonly var r in rows)
        {
            points.Add(new HistoryPoint(
                r.DeviceTime, r.Lat, r.Lon, r.Speed ?? 0, r.Heading, r.Altitude, r.Ignition, r.Fuel, r.Satellites, r.Valid,
                r.Odometer, r.Alarm is { Length: > 0 } alarm ? alarm : null));
        }

        return points;
    }

    public static IReadOnlyList<HistoryPoint> ToPoints(IReadOnlyList<HistoryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Select(r => new HistoryPoint(
            r.DeviceTime, r.Lat, r.Lon, r.Speed ?? 0, r.Heading, r.Altitude, r.Ignition, r.Fuel, r.Satellites, r.Valid,
            r.Odometer, r.Alarm is { Length: > 0 } alarm ? alarm : null)).ToList();
    }
}
