using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

public sealed class TrackAnalyzerTests
{
    [Fact]
    public void Analyze_TrackLongEnoughForParallelStages_SameAnswerAsEachStageAlone()
    {
        var builder = new TrackBuilder(SyntheticTracks.Morning, 55.7512, 37.6184, seed: 11, sampleSeconds: 1) { ReportFuel = true };
        for (var leg = 0; leg < 12; leg++)
        {
            builder.Stop(1500).Straight(60, 1800, headingDegrees: leg * 30).Arc(35, 250, 120).Pause(60).Straight(45, 1200);
        }

        var analysis = TrackAnalyzer.Analyze(builder.Points);

        Assert.True(analysis.Track.Points.Count >= TrackAnalyzer.ParallelFromPoints, $"{analysis.Track.Points.Count} points");
        var alone = TripDetector.Detect(analysis.Track);
        Assert.Equal(alone.Trips, analysis.Trips);
        Assert.Equal(alone.Stops, analysis.Stops);
        Assert.True(analysis.Trips.Count >= 12, $"{analysis.Trips.Count} trips");
        Assert.Equal(DistanceCalculator.Compute(analysis.Track), analysis.Distance);
        Assert.Equal(EventDetector.Detect(analysis.Track), analysis.Events);
        Assert.True(analysis.MovingSeconds > 12 * 3000, $"{analysis.MovingSeconds} s moving");
    }
}
