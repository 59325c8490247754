namespace Fleet.Trajectory.Analysis.Pieces;

/// <summary>
/// Analyses one day (or a partial day at a period's edge) on its own points into a <see cref="DayPiece"/>: the same cleaning,
/// segments, events, distance and simplification as <see cref="TrackAnalyzer"/> and <see cref="RouteBuilder"/> on that day.
/// </summary>
internal static class DayPieceBuilder
{
    public static DayPiece Build(IEnumerable<HistoryPoint> records, double toleranceMetres, TrackAnalysisOptions options)
    {
        var track = TrackCleaner.Clean(records, options.Cleaning);
        var points = track.Points;
        var events = EventDetector.Detect(track, options.Trips);
        var edges = RecordEdges(track.Records, new PositionLookup(points));
        if (points.Count == 0)
        {
            return DayPiece.Empty with { Events = events, Edges = edges };
        }

        var profile = MotionProfile.Build(points, options.Trips);
        var segments = TripDetector.BuildSegments(points, profile);
        var stops = TripDetector.Resolve(segments, options.Trips).Stops;
        double movingSeconds = 0, movingMetres = 0, maxSpeed = 0;
        for (var i = 0; i < points.Count; i++)
        {
            maxSpeed = Math.Max(maxSpeed, points[i].Point.Speed);
            if (profile.MovingSeconds[i] > 0)
            {
                movingSeconds += profile.MovingSeconds[i];
                movingMetres += points[i].LegMetres;
            }
        }

        return new DayPiece(
            RouteBuilder.Vertices(points, stops, toleranceMetres),
            segments,
            events,
            new DayPieceTotals(points.Count, track.DistanceMetres, movingSeconds, movingMetres, maxSpeed),
            edges with { First = points[0].Point, Last = points[^1].Point, DriftAnchor = track.DriftAnchor },
            DistanceCalculator.Span(points, options.Odometer));
    }

    private static DayPieceEdges RecordEdges(IReadOnlyList<HistoryPoint> records, PositionLookup positions)
    {
        if (records.Count == 0)
        {
            return DayPieceEdges.None;
        }

        TrackEvent? firstIgnition = null;
        bool? lastIgnition = null;
        foreach (var record in records)
        {
            if (record.Ignition is { } ignition)
            {
                firstIgnition ??= positions.EventAt(record.Time, ignition ? TrackEventType.IgnitionOn : TrackEventType.IgnitionOff, null);
                lastIgnition = ignition;
            }
        }

        return new DayPieceEdges(null, null, null, records[0].Time, records[^1].Time, firstIgnition, lastIgnition);
    }
}
