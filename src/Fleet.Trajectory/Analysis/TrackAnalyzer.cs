namespace Fleet.Trajectory.Analysis;

/// <summary>Entry point: raw records of one vehicle for a period in, cleaned track, distance, trips, stops and events out.</summary>
public static class TrackAnalyzer
{
    public static TrackAnalysis Analyze(IEnumerable<HistoryPoint> records, TrackAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= TrackAnalysisOptions.Default;
        var track = TrackCleaner.Clean(records, options.Cleaning);
        var tripsAndStops = TripDetector.Detect(track, options.Trips);
        var profile = MotionProfile.Build(track.Points, options.Trips);

        double movingSeconds = 0, movingMetres = 0, maxSpeed = 0;
        for (var i = 0; i < track.Points.Count; i++)
        {
            maxSpeed = Math.Max(maxSpeed, track.Points[i].Point.Speed);
            if (profile.MovingSeconds[i] > 0)
            {
                movingSeconds += profile.MovingSeconds[i];
                movingMetres += track.Points[i].LegMetres;
            }
        }

        return new TrackAnalysis(
            track,
            DistanceCalculator.Compute(track, options.Odometer),
            tripsAndStops.Trips,
            tripsAndStops.Stops,
            EventDetector.Detect(track, options.Trips),
            maxSpeed,
            GeoMath.KmhFrom(movingMetres, movingSeconds),
            movingSeconds);
    }
}
