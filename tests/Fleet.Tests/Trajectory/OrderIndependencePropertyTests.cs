using System.Text.Json;
using CsCheck;
using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

/// <summary>
/// The store may return records out of order and repeated (retransmissions, merges of hot and cold storage):
/// no permutation or duplication may change any answer.
/// </summary>
public sealed class OrderIndependencePropertyTests
{
    private static readonly DateTimeOffset T0 = SyntheticTracks.Morning;

    [Fact]
    public void Analyze_RandomPermutationsAndDuplications_NeverChangeTheOutput()
    {
        var points = CorruptedDay();
        var expected = Fingerprint(points);
        var usable = points.Where(TrackCleaner.IsUsable).ToArray();

        // Exact copies, plus same-timestamp "twins" without a fix that must lose to the real record whatever the order.
        Gen.Select(Gen.Int[0, points.Length - 1].Array[0, 60], Gen.Int[0, usable.Length - 1].Array[0, 20])
            .SelectMany((duplicates, twins) => Gen.Shuffle(points
                .Concat(duplicates.Select(i => points[i]))
                .Concat(twins.Select(i => usable[i] with { Valid = false, Lat = 0, Lon = 0, Alarm = "twin" }))
                .ToArray()))
            .Sample(input => Assert.Equal(expected, Fingerprint(input)), iter: 150);
    }

    [Fact]
    public void Analyze_RandomNoisyPoints_IsOrderIndependentAndWellFormed()
    {
        var point = Gen.Select(Gen.Int[0, 6 * 3600], Gen.Double[-0.05, 0.05], Gen.Double[-0.05, 0.05], Gen.Double[0, 130], Gen.Int[0, 3])
            .Select((seconds, dLat, dLon, speed, flags) => new HistoryPoint(
                T0.AddSeconds(seconds), 55.75 + dLat, 37.61 + dLon, speed, null, null,
                flags == 0 ? null : flags == 1, 40 - (seconds / 3600.0), 7, flags != 3 || speed < 100, 1000 + (seconds / 60.0),
                flags == 3 ? "sos" : null));

        point.Array[0, 120]
            .SelectMany(points => Gen.Shuffle(points.ToArray()).Select(shuffled => (points, shuffled)))
            .Sample(pair =>
            {
                Assert.Equal(Fingerprint(pair.points), Fingerprint(pair.shuffled));
                var analysis = TrackAnalyzer.Analyze(pair.shuffled);
                AssertWellFormed(analysis);
            }, iter: 150);
    }

    private static void AssertWellFormed(TrackAnalysis analysis)
    {
        var intervals = analysis.Trips.Select(t => (t.Start, t.End))
            .Concat(analysis.Stops.Select(s => (s.Start, s.End)))
            .OrderBy(i => i.Start)
            .ToList();
        for (var i = 0; i < intervals.Count; i++)
        {
            Assert.True(intervals[i].Start <= intervals[i].End);
            Assert.True(i == 0 || intervals[i - 1].End <= intervals[i].Start, "trips and stops must not overlap");
        }

        Assert.All(analysis.Trips, t => Assert.True(t.DistanceKm >= 0 && t.AvgSpeed >= 0 && double.IsFinite(t.AvgSpeed)));
        Assert.True(analysis.Trips.Sum(t => t.DistanceKm) <= analysis.Distance.GpsKm + 1e-9);
        Assert.Equal(
            analysis.Track.Points.Select(p => p.Point.Time),
            analysis.Track.Points.Select(p => p.Point.Time).Order().Distinct());
    }

    /// <summary>City day with jumps (one at the very start), an SOS without fix, invalid and 0,0 records, odometer, fuel.</summary>
    private static HistoryPoint[] CorruptedDay()
    {
        var builder = new TrackBuilder(T0, 55.7512, 37.6184, seed: 31, sampleSeconds: 20)
        { OdometerStartKm = 5000, ReportFuel = true, FuelNoiseLitres = 0.5 }
            .Stop(900).Straight(50, 600, 30).Arc(40, 300, 90).Pause(60).Straight(60, 400)
            .Stop(900, ignition: null).Straight(60, 600, 120).Gap(4000).Stop(600).Straight(40, 300, 300);
        var points = TrackMutations.InsertJump(builder.Points, 60, km: 5);
        points = TrackMutations.InsertJump(points, 120, km: 9, count: 2);
        points = TrackMutations.PrependJump(points, km: 4);
        var parked = points[100];
        points.Add(parked with { Time = parked.Time.AddSeconds(3), Valid = false, Lat = 0, Lon = 0, Alarm = "sos" });
        points.Add(parked with { Time = parked.Time.AddSeconds(7), Lat = 0, Lon = 0 });
        points.Add(parked with { Time = parked.Time.AddSeconds(9), Valid = false, Ignition = true });
        return [.. points];
    }

    /// <summary>Every output of the analysis, serialized; report counters that legitimately count the input are zeroed.</summary>
    private static string Fingerprint(IEnumerable<HistoryPoint> input)
    {
        var analysis = TrackAnalyzer.Analyze(input);
        var report = analysis.Track.Report with { InputCount = 0, Duplicates = 0 };
        var normalized = analysis with { Track = analysis.Track with { Report = report } };
        var daily = DailySummaryCalculator.Compute(analysis.Track, "Europe/Moscow");
        var route = RouteBuilder.Build(analysis, 15);
        return JsonSerializer.Serialize(new { normalized, daily, route });
    }
}
