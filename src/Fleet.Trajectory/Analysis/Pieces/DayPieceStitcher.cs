namespace Fleet.Trajectory.Analysis.Pieces;

/// <summary>
/// Joins consecutive <see cref="DayPiece"/>s into one route. Each day keeps its own cleaning and simplified line (a day
/// boundary is a kept vertex); everything that depends on neighbours is redone across the boundaries exactly as one pass
/// over all points does it: the connecting leg (drift anchor, jump plausibility, gap, departure/arrival time), the raw
/// segments joined and then resolved into stops in one pass (a stop over midnight is one stop), ignition changes and
/// offline/online at the boundaries, event positions before a day's first fix, and the odometer checks over all readings.
/// </summary>
internal static class DayPieceStitcher
{
    public static RouteResult Stitch(IReadOnlyList<DayPiece> pieces, TrackAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var segments = new List<MotionSegment>();
        var vertices = new List<RoutePoint>();
        var events = new List<TrackEvent>();
        DayPiece? previous = null;
        HistoryPoint? firstPoint = pieces.FirstOrDefault(p => p.HasPoints)?.Edges.First;
        HistoryPoint? lastPoint = null;
        DateTimeOffset? lastRecord = null;
        bool? lastIgnition = null;
        double metres = 0, movingSeconds = 0, movingMetres = 0, maxSpeed = 0;
        var sourcePoints = 0;
        var odometer = new OdometerJoin(options.Odometer);

        foreach (var piece in pieces)
        {
            var edges = piece.Edges;
            if (lastRecord is { } silentFrom && edges.FirstRecordTime is { } back && (back - silentFrom).TotalSeconds > options.Trips.OfflineSeconds)
            {
                events.Add(At(silentFrom, TrackEventType.Offline, null, lastPoint ?? firstPoint));
                events.Add(At(back, TrackEventType.Online, null, piece.HasPoints && back >= edges.First!.Time ? edges.First : lastPoint ?? firstPoint));
            }

            events.AddRange(PieceEvents(piece, lastIgnition, lastPoint ?? firstPoint));
            lastRecord = edges.LastRecordTime ?? lastRecord;
            lastIgnition = edges.LastIgnition ?? lastIgnition;
            if (!piece.HasPoints)
            {
                continue;
            }

            var leg = 0.0;
            if (previous is null)
            {
                segments.AddRange(piece.Segments);
            }
            else
            {
                (leg, var legMoving) = Connect(segments, previous, piece, options);
                if (legMoving > 0)
                {
                    movingSeconds += legMoving;
                    movingMetres += leg;
                }
            }

            odometer.Add(piece.Odometer, metres + leg);
            metres += leg + piece.Totals.GpsMetres;
            movingSeconds += piece.Totals.MovingSeconds;
            movingMetres += piece.Totals.MovingMetres;
            maxSpeed = Math.Max(maxSpeed, piece.Totals.MaxSpeed);
            sourcePoints += piece.Totals.CleanPointCount;
            vertices.AddRange(piece.Vertices);
            lastPoint = piece.Edges.Last;
            previous = piece;
        }

        var distance = DistanceCalculator.Decide(odometer.Span, metres, options.Odometer);
        IReadOnlyList<StopItem> stops = segments.Count == 0 ? [] : TripDetector.Resolve(segments, options.Trips).Stops;
        var duration = firstPoint is null || lastPoint is null ? 0 : (lastPoint.Time - firstPoint.Time).TotalSeconds;
        return new RouteResult(
            vertices, distance.DistanceKm, distance.Source, duration, maxSpeed, GeoMath.KmhFrom(movingMetres, movingSeconds),
            vertices.Count, sourcePoints, stops, events) { GpsKm = distance.GpsKm };
    }

    /// <summary>
    /// Appends <paramref name="next"/>'s segments across the leg from <paramref name="previous"/>'s last point, as
    /// <see cref="TripDetector.BuildSegments"/> would on one track. Returns the leg's metres and moving seconds.
    /// </summary>
    private static (double Metres, double MovingSeconds) Connect(List<MotionSegment> segments, DayPiece previous, DayPiece next, TrackAnalysisOptions options)
    {
        var from = previous.Edges.Last!;
        var to = next.Edges.First!;
        var leg = LegMetres(previous.Edges.DriftAnchor ?? from, to, options.Cleaning);
        var fromMoving = IsMoving(from, options.Trips);
        var toMoving = IsMoving(to, options.Trips);
        var current = segments[^1];
        segments.RemoveAt(segments.Count - 1);
        var first = next.Segments[0];
        var seconds = (to.Time - from.Time).TotalSeconds;
        var moving = 0.0;
        if (seconds > options.Trips.GapSeconds)
        {
            segments.Add(current);
            segments.Add(new MotionSegment(false, from.Time, to.Time, from.Lat, from.Lon, to.Lat, to.Lon, leg, 0, 0, true));
            segments.Add(first);
        }
        else if (fromMoving == toMoving)
        {
            moving = fromMoving ? seconds : 0;
            segments.Add(MotionSegment.Join(TripDetector.Extend(current, to, to.Time, leg, moving, to.Speed), first, current.IsMotion));
        }
        else if (toMoving)
        {
            (moving, var departure) = MotionProfile.Departure(from, to, leg);
            segments.Add(current with { End = departure });
            var connector = TripDetector.Extend(TripDetector.Open(true, departure, departure, from, 0), to, to.Time, leg, moving, to.Speed);
            segments.Add(MotionSegment.Join(connector, first, true));
        }
        else
        {
            (moving, var arrival) = MotionProfile.Arrival(from, to, leg);
            segments.Add(TripDetector.Extend(current, to, arrival, leg, moving, 0));
            segments.Add(first with { Start = arrival });
        }

        segments.AddRange(next.Segments.Skip(1));
        return (leg, moving);
    }

    /// <summary>The first leg of a day as the cleaner counts it: no distance for drift, none for a jump (a relocation).</summary>
    private static double LegMetres(HistoryPoint anchor, HistoryPoint to, CleaningOptions options)
    {
        if (!JumpFilter.IsPlausible(anchor, to, options))
        {
            return 0;
        }

        var metres = GeoMath.HaversineMetres(anchor, to);
        return TrackCleaner.IsStationary(to, options) && TrackCleaner.IsStationary(anchor, options) && metres < options.DriftRadiusMetres ? 0 : metres;
    }

    private static bool IsMoving(HistoryPoint p, TripOptions options) =>
        !(options.UseIgnition && p.Ignition == false) && p.Speed >= options.SpeedThresholdKmh;

    /// <summary>
    /// A day's events as one pass sees them: those before the day's first fix take the position held before it, and the
    /// day's first ignition report is a change (placed as one pass orders it) when it differs from the state before.
    /// </summary>
    private static List<TrackEvent> PieceEvents(DayPiece piece, bool? ignitionBefore, HistoryPoint? positionBefore)
    {
        var firstFix = piece.HasPoints ? piece.Edges.First!.Time : DateTimeOffset.MaxValue;
        var events = new List<TrackEvent>(piece.Events.Count + 1);
        foreach (var e in piece.Events)
        {
            events.Add(e.Time >= firstFix ? e : At(e.Time, e.Type, e.Alarm, positionBefore));
        }

        if (ignitionBefore is { } before && piece.Edges.FirstIgnition is { } change && (change.Type == TrackEventType.IgnitionOn) != before)
        {
            var ignition = change.Time >= firstFix ? change : At(change.Time, change.Type, null, positionBefore);
            // One pass handles a record's gap events, then its ignition, then its alarm.
            var at = events.FindIndex(e => e.Time > change.Time || (e.Time == change.Time && e.Type == TrackEventType.Alarm));
            events.Insert(at < 0 ? events.Count : at, ignition);
        }

        return events;
    }

    private static TrackEvent At(DateTimeOffset time, TrackEventType type, string? alarm, HistoryPoint? position) =>
        new(time, type, alarm, position?.Lat, position?.Lon);
}
