namespace Fleet.Trajectory.Analysis;

/// <summary>Entry point: raw records of one vehicle for a period in, cleaned track, distance, trips, stops and events out.</summary>
public static class TrackAnalyzer
{
    /// <summary>Track length from which the analysis stages run in parallel (below it, task overhead outweighs the gain).</summary>
    public const int ParallelFromPoints = 50_000;

    public static TrackAnalysis Analyze(IEnumerable<HistoryPoint> records, TrackAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= TrackAnalysisOptions.Default;
        var track = TrackCleaner.Clean(records, options.Cleaning);
        TripsAndStops tripsAndStops = null!;
        MotionProfile profile = null!;
        DistanceResult distance = null!;
        IReadOnlyList<TrackEvent> events = null!;
        Action[] stages =
        [
            () => tripsAndStops = TripDetector.Detect(track, options.Trips),
            () => profile = MotionProfile.Build(track.Points, options.Trips),
            () => distance = DistanceCalculator.Compute(track, options.Odometer),
            () => events = EventDetector.Detect(track, options.Trips),
        ];
        // The stages only read the cleaned track; on long tracks they run side by side (a month: tens of ms each).
        if (track.Points.Count >= ParallelFromPoints)
        {
            Parallel.Invoke(stages);
        }
        else
        {
            foreach (var stage in stages)
            {
                stage();
            }
        }

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
            distance,
            tripsAndStops.Trips,
            tripsAndStops.Stops,
            events,
            maxSpeed,
            GeoMath.KmhFrom(movingMetres, movingSeconds),
            movingSeconds);
    }
}
