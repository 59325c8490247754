using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Analysis.Pieces;

namespace Fleet.Tests.Trajectory.Pieces;

public sealed class DayPieceStitcherTests
{
    private static readonly TrackAnalysisOptions Options = TrackAnalysisOptions.Default;

    public static TheoryData<int, bool, int> OneDayCases() => new()
    {
        { 1, false, 0 }, { 2, true, 0 }, { 3, false, 1 }, { 4, true, 2 }, { 5, false, 3 }, { 6, true, 4 }, { 7, true, 5 },
    };

    [Theory]
    [MemberData(nameof(OneDayCases))]
    public void Stitch_OneDayThroughTheCodec_EqualsOnePassRoute(int seed, bool odometer, int mutation)
    {
        var points = Mutate(SyntheticTracks.CityDay(seed, odometer ? 12_000 : null).Points, mutation, seed);

        var stitched = DayPieceStitcher.Stitch([RoundTrip(DayPieceBuilder.Build(points, 5, Options))], Options);

        var expected = RouteBuilder.Build(TrackAnalyzer.Analyze(points), 5);
        Assert.Equal(expected.Points, stitched.Points);
        AssertSameFigures(expected, stitched, exact: true);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    public void Stitch_DaysSplitAtMidnights_EqualsOnePassOverTheWholePeriod(int seed, bool odometer)
    {
        var points = AcrossMidnights(seed, odometer);
        var days = points.GroupBy(p => p.Time.UtcDateTime.Date).OrderBy(g => g.Key).ToList();
        Assert.True(days.Count >= 4, $"{days.Count} days");

        var pieces = days.Select(d => RoundTrip(DayPieceBuilder.Build([.. d], 5, Options))).ToList();
        var stitched = DayPieceStitcher.Stitch(pieces, Options);

        var analysis = TrackAnalyzer.Analyze(points);
        var expected = RouteBuilder.Build(analysis, 5);
        AssertSameFigures(expected, stitched, exact: false);
        Assert.Contains(expected.Stops, s => s.Start.Date != s.End.Date && s.DurationS < 2 * Options.Trips.MinParkingSeconds);
        Assert.Contains(expected.Events, e => e.Type == TrackEventType.Offline);
        Assert.Contains(expected.Events, e => e.Type == TrackEventType.IgnitionOn && e.Time.TimeOfDay < TimeSpan.FromMinutes(10));
        // The line: every day's own simplification, so each day's first and last cleaned points are vertices.
        var vertexTimes = stitched.Points.Select(p => p.Time).ToHashSet();
        var cleaned = analysis.Track.Points.Select(p => p.Point.Time).ToHashSet();
        Assert.All(stitched.Points, v => Assert.Contains(v.Time, cleaned));
        foreach (var day in analysis.Track.Points.GroupBy(p => p.Point.Time.UtcDateTime.Date))
        {
            Assert.Contains(day.First().Point.Time, vertexTimes);
            Assert.Contains(day.Last().Point.Time, vertexTimes);
        }
    }

    [Fact]
    public void Stitch_EmptyDaysAndDaysWithoutFix_KeepEventsAndPositions()
    {
        var day1 = SyntheticTracks.CityDay(21).Points;
        var lastFix = day1[^1];
        var noFix = new HistoryPoint(lastFix.Time.AddDays(1), 0, 0, 0, null, null, true, null, null, false, null, "sos");
        var points = day1.Append(noFix).ToList();

        var stitched = DayPieceStitcher.Stitch(
            [RoundTrip(DayPieceBuilder.Build(day1, 5, Options)), DayPiece.Empty, RoundTrip(DayPieceBuilder.Build([noFix], 5, Options))], Options);

        var expected = RouteBuilder.Build(TrackAnalyzer.Analyze(points), 5);
        AssertSameFigures(expected, stitched, exact: true);
        var alarm = Assert.Single(stitched.Events, e => e.Type == TrackEventType.Alarm);
        Assert.Equal((lastFix.Lat, lastFix.Lon), (alarm.Lat!.Value, alarm.Lon!.Value));
    }

    [Fact]
    public void Stitch_OdometerResetBetweenDays_FallsBackToGpsWithTheReason()
    {
        var day1 = SyntheticTracks.CityDay(31, odometerStartKm: 5_000).Points;
        var day2 = SyntheticTracks.CityDay(32, odometerStartKm: 10).Points.Select(p => p with { Time = p.Time.AddDays(1) }).ToList();

        var stitched = DayPieceStitcher.Stitch([DayPieceBuilder.Build(day1, 5, Options), DayPieceBuilder.Build(day2, 5, Options)], Options);

        var expected = RouteBuilder.Build(TrackAnalyzer.Analyze([.. day1, .. day2]), 5);
        Assert.Equal("gps", stitched.DistanceSource);
        AssertSameFigures(expected, stitched, exact: false);
    }

    private static DayPiece RoundTrip(DayPiece piece) => DayPieceCodec.Decode(DayPieceCodec.Encode(piece));

    private static List<HistoryPoint> Mutate(IReadOnlyList<HistoryPoint> points, int mutation, int seed) => mutation switch
    {
        1 => TrackMutations.InsertJump(points, points.Count / 2, 8),
        2 => TrackMutations.ShuffleAndDuplicate(points, seed, 40),
        3 => TrackMutations.PrependJump(points, 30),
        4 => [.. points.Select((p, i) => i % 97 == 5 ? p with { Valid = false, Alarm = "sos" } : p)],
        5 => [.. points.Select((p, i) => i % 50 == 0 ? p with { Ignition = null } : p)],
        _ => [.. points],
    };

    /// <summary>Five days: a trip over midnight, a six-minute stop over midnight, ignition on at midnight, silent nights.</summary>
    private static List<HistoryPoint> AcrossMidnights(int seed, bool odometer)
    {
        var day = new DateTimeOffset(2024, 5, 14, 0, 0, 0, TimeSpan.Zero);
        var track = new TrackBuilder(day.AddHours(23), 55.75, 37.61, seed) { OdometerStartKm = odometer ? 40_000 : null };
        double Until(double hours) => (day.AddHours(hours) - track.Now).TotalSeconds;
        track.Stop(1200).Straight(60, Until(24 + (20 / 60.0)), headingDegrees: 40).Stop(1800);
        track.Straight(50, Until(33)).Stop(Until(36)).Straight(55, Until(47 + (57 / 60.0)), headingDegrees: 130);
        track.Stop(360).Straight(45, Until(50), headingDegrees: 300).Stop(Until(71 + (59.5 / 60))).Straight(60, 1800, headingDegrees: 10);
        track.Stop(Until(74)).Gap(Until(82)).Stop(Until(94)).Gap(Until(98)).Stop(600).Straight(60, 1800);
        return [.. track.Points];
    }

    private static void AssertSameFigures(RouteResult expected, RouteResult actual, bool exact)
    {
        // Joined days differ from one pass only where a day starts parked: its drift is measured from its own first point,
        // not from where the previous day's counting stopped (metres over a parked night, 1e-6 of the distance here).
        var relative = exact ? 1e-12 : 1e-5;
        var precision = exact ? 12 : 6;
        Assert.Equal(expected.DistanceSource, actual.DistanceSource);
        Assert.Equal(expected.DistanceKm, actual.DistanceKm, expected.DistanceKm * relative);
        Assert.Equal(expected.GpsKm, actual.GpsKm, expected.GpsKm * relative);
        Assert.Equal(expected.DurationS, actual.DurationS, precision);
        Assert.Equal(expected.MaxSpeed, actual.MaxSpeed, precision);
        Assert.Equal(expected.AvgSpeed, actual.AvgSpeed, expected.AvgSpeed * relative);
        Assert.Equal(expected.SourcePointCount, actual.SourcePointCount);
        Assert.Equal(expected.Stops.Count, actual.Stops.Count);
        foreach (var (e, a) in expected.Stops.Zip(actual.Stops))
        {
            // Arrival/departure are estimated from the leg's metres, so the drift difference above moves them by milliseconds.
            var slack = exact ? TimeSpan.Zero : TimeSpan.FromSeconds(1);
            Assert.Equal((e.Lat, e.Lon), (a.Lat, a.Lon));
            Assert.Equal(e.Start, a.Start, slack);
            Assert.Equal(e.End, a.End, slack);
            Assert.Equal(e.DurationS, a.DurationS, exact ? 1e-9 : 1);
        }

        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(actual.Points.Count, actual.PointCount);
    }
}
