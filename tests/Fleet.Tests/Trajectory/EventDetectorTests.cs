using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

public sealed class EventDetectorTests
{
    private static readonly DateTimeOffset T0 = SyntheticTracks.Morning;

    [Fact]
    public void Detect_CityDay_ReportsIgnitionTransitionsOnlyWhereStateChanges()
    {
        // Off (parked) -> on (trip 1) -> off (parked) -> on (trip 2); the parked spell with UNKNOWN ignition that follows
        // is not a transition, and the first known state is a baseline, not an event.
        var builder = SyntheticTracks.CityDay();

        var events = TrackAnalyzer.Analyze(builder.Points).Events;

        Assert.Equal(
            [TrackEventType.IgnitionOn, TrackEventType.IgnitionOff, TrackEventType.IgnitionOn],
            events.Select(e => e.Type));
        Assert.Equal(builder.TruthTrips[0].Start, events[0].Time, TimeSpan.FromSeconds(10));
        Assert.Equal(builder.TruthTrips[0].End, events[1].Time, TimeSpan.FromSeconds(10));
        Assert.Equal(builder.TruthTrips[1].Start, events[2].Time, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Detect_AlarmWithoutGpsFix_IsReportedAtLastTrustedPosition()
    {
        var builder = new TrackBuilder(T0, 50.45, 30.52, seed: 3).Stop(600).Straight(40, 300, 90).Stop(600);
        var parked = builder.Points[^1];
        var sos = parked with { Time = parked.Time.AddSeconds(5), Valid = false, Lat = 0, Lon = 0, Alarm = "sos" };

        var events = TrackAnalyzer.Analyze([.. builder.Points, sos]).Events;

        var alarm = Assert.Single(events, e => e.Type == TrackEventType.Alarm);
        Assert.Equal("sos", alarm.Alarm);
        Assert.Equal(sos.Time, alarm.Time);
        Assert.Equal(parked.Lat, alarm.Lat);
        Assert.Equal(parked.Lon, alarm.Lon);
    }

    [Fact]
    public void Detect_AlarmOnAJumpPoint_KeepsTheAlarmButNotTheJumpPosition()
    {
        var builder = new TrackBuilder(T0, 50.45, 30.52, seed: 3).Straight(40, 600, 90);
        var points = TrackMutations.InsertJump(builder.Points, 30, km: 6);
        points[31] = points[31] with { Alarm = "overspeed" };

        var analysis = TrackAnalyzer.Analyze(points);

        var alarm = Assert.Single(analysis.Events, e => e.Type == TrackEventType.Alarm);
        Assert.Equal("overspeed", alarm.Alarm);
        Assert.Equal(builder.Points[30].Lat, alarm.Lat);
        Assert.Equal(1, analysis.Track.Report.Jumps);
    }

    [Fact]
    public void Detect_SilenceLongerThanThreshold_ReportsOfflineThenOnline()
    {
        var builder = new TrackBuilder(T0, 50.45, 30.52, seed: 3).Stop(600).Gap(7200).Stop(600);
        var lastBefore = builder.Points.Last(p => p.Time <= T0.AddSeconds(600));

        var events = TrackAnalyzer.Analyze(builder.Points).Events;

        Assert.Equal([TrackEventType.Offline, TrackEventType.Online], events.Select(e => e.Type));
        Assert.Equal(lastBefore.Time, events[0].Time);
        Assert.Equal(T0.AddSeconds(600 + 7200 + 10), events[1].Time);
    }

    [Fact]
    public void Detect_IgnitionChangeOnRecordWithoutFix_IsStillAnEvent()
    {
        var builder = new TrackBuilder(T0, 50.45, 30.52, seed: 3).Stop(300);
        var lastPoint = builder.Points[^1];
        var underground = lastPoint with { Time = lastPoint.Time.AddSeconds(30), Valid = false, Ignition = true };

        var events = TrackAnalyzer.Analyze([.. builder.Points, underground]).Events;

        var on = Assert.Single(events);
        Assert.Equal(TrackEventType.IgnitionOn, on.Type);
        Assert.Equal(underground.Time, on.Time);
    }

    [Fact]
    public void Detect_EmptyInput_ReturnsNothing()
    {
        var analysis = TrackAnalyzer.Analyze([]);

        Assert.Empty(analysis.Events);
        Assert.Empty(analysis.Trips);
        Assert.Empty(analysis.Stops);
        Assert.Equal(0, analysis.Distance.DistanceKm);
        Assert.Empty(RouteBuilder.Build(analysis, 10).Points);
    }
}
