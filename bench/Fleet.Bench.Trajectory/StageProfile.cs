using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fleet.History;
using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Apis;
using Fleet.Trajectory.Services;

namespace Fleet.Bench.Trajectory;

/// <summary>Splits one route/summary computation into its stages (store read vs each analysis step), median of a few runs.</summary>
internal static class StageProfile
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<string> MeasureAsync(IHistoryStore store, string vehicleId, Period period, int runs)
    {
        var stages = new Dictionary<string, List<double>>();
        void Add(string stage, Stopwatch watch)
        {
            if (!stages.TryGetValue(stage, out var list))
            {
                stages[stage] = list = [];
            }

            list.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
        }

        for (var run = -1; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            _ = await store.ReadVehicleAsync(vehicleId, period.From, period.To, CancellationToken.None);
            Add("full read", watch);
            _ = await store.ReadTrackAsync(vehicleId, period.From, period.To, CancellationToken.None);
            Add("track read", watch);
            _ = (await store.ReadFleetTracksAsync([vehicleId], period.From, period.To, CancellationToken.None))[vehicleId];
            Add("unsorted read", watch);
            using var rows = await store.ReadTrackRowsAsync(vehicleId, period.From, period.To, CancellationToken.None);
            Add("row read (Native)", watch);
            var points = VehicleTracks.ToPoints(rows.Span);
            Add("to points", watch);
            var track = TrackCleaner.Clean(points);
            Add("clean", watch);
            _ = TripDetector.Detect(track);
            Add("trips", watch);
            _ = DistanceCalculator.Compute(track);
            Add("distance", watch);
            _ = EventDetector.Detect(track);
            Add("events", watch);
            var analysis = TrackAnalyzer.Analyze(points);
            watch.Restart();
            var route = RouteBuilder.Build(analysis, 5);
            Add("route build", watch);
            _ = JsonSerializer.SerializeToUtf8Bytes(ResponseMapper.Route(vehicleId, period, route, 5), Web);
            Add("GeoJSON body", watch);
            _ = DailySummaryCalculator.Compute(track, TimeZoneInfo.Utc);
            Add("daily summary", watch);
        }

        return string.Join(", ", stages.Select(s =>
        {
            var samples = s.Value.Skip(1).Order().ToList();
            return string.Create(CultureInfo.InvariantCulture, $"{s.Key} {samples[samples.Count / 2]:F1}");
        })) + $" ms (median of {runs})";
    }
}
