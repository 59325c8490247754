namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Traccar-like trip/stop detection over a cleaned track, done on whole segments instead of a streaming state machine so
/// that a brief blip never resets a pending state:
/// 1. points are classified moving/still (<see cref="MotionProfile"/>); runs become segments, data gaps become stops;
/// 2. a standstill shorter than <see cref="TripOptions.MinParkingSeconds"/> between two motions is absorbed into the trip;
/// 3. a motion with less than <see cref="TripOptions.MinTripDistanceMetres"/> AND less than
///    <see cref="TripOptions.MinTripDurationSeconds"/> is demoted to standstill (parking-lot manoeuvres, drift).
/// A trip still running at the end of the data is reported and ends at the last point. A standstill at either end of the
/// data is a stop once it lasts <see cref="TripOptions.MinParkingSeconds"/>; a shorter trailing one is not a stop yet, but the
/// trip before it still ends where the vehicle came to rest.
/// </summary>
public static class TripDetector
{
    public static TripsAndStops Detect(CleanedTrack track, TripOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        options ??= TripOptions.Default;
        return Resolve(BuildSegments(track.Points, MotionProfile.Build(track.Points, options)), options);
    }

    /// <summary>
    /// Trips and stops from raw segments (<see cref="BuildSegments"/>, or several days' raw segments joined in order):
    /// short standstills are absorbed and short motions demoted over the whole list, so the answer is the same as one pass.
    /// </summary>
    internal static TripsAndStops Resolve(List<MotionSegment> rawSegments, TripOptions options)
    {
        var segments = AbsorbShortStops(MergeNeighbours(rawSegments), options);
        segments = DemoteShortTrips(segments, options);

        var trips = segments.Where(s => s.IsMotion).Select(ToTrip).ToList();
        var stops = segments
            .Where(s => !s.IsMotion && (s.ContainsGap || s.DurationSeconds >= options.MinParkingSeconds))
            .Select(s => new StopItem(s.Start, s.End, s.StartLat, s.StartLon, s.DurationSeconds))
            .ToList();
        return new TripsAndStops(trips, stops);
    }

    private static TripItem ToTrip(MotionSegment s) => new(
        s.Start,
        s.End,
        s.StartLat,
        s.StartLon,
        s.EndLat,
        s.EndLon,
        s.DistanceMetres / 1000.0,
        s.DurationSeconds,
        s.MaxSpeed,
        GeoMath.KmhFrom(s.DistanceMetres, s.MovingSeconds));

    /// <summary>Motion/standstill runs and data gaps of a cleaned track, neighbours of the same kind merged.</summary>
    internal static List<MotionSegment> BuildSegments(IReadOnlyList<CleanPoint> points, MotionProfile profile)
    {
        var segments = new List<MotionSegment>();
        if (points.Count == 0)
        {
            return segments;
        }

        var first = points[0].Point;
        var current = Open(profile.Moving[0], first.Time, first.Time, first, profile.Moving[0] ? first.Speed : 0);
        for (var i = 1; i < points.Count; i++)
        {
            var previous = points[i - 1].Point;
            var point = points[i].Point;
            var leg = points[i].LegMetres;
            if (profile.IsGap[i])
            {
                segments.Add(current);
                segments.Add(new MotionSegment(
                    false, previous.Time, point.Time, previous.Lat, previous.Lon, point.Lat, point.Lon, leg, 0, 0, true));
                current = Open(profile.Moving[i], point.Time, point.Time, point, profile.Moving[i] ? point.Speed : 0);
            }
            else if (profile.Moving[i] == current.IsMotion)
            {
                current = Extend(current, point, point.Time, leg, profile.MovingSeconds[i], point.Speed);
            }
            else
            {
                // The leg across a start/stop belongs to the motion side, so trip distances lose nothing.
                var at = profile.Transition[i];
                var motionStarts = profile.Moving[i];
                if (motionStarts)
                {
                    segments.Add(current with { End = at });
                    current = Open(true, at, at, previous, 0);
                    current = Extend(current, point, point.Time, leg, profile.MovingSeconds[i], point.Speed);
                }
                else
                {
                    segments.Add(Extend(current, point, at, leg, profile.MovingSeconds[i], 0));
                    current = Open(false, at, point.Time, point, 0);
                }
            }
        }

        segments.Add(current);
        return MergeNeighbours(segments);
    }

    internal static MotionSegment Open(bool isMotion, DateTimeOffset start, DateTimeOffset end, HistoryPoint point, double maxSpeed) =>
        new(isMotion, start, end, point.Lat, point.Lon, point.Lat, point.Lon, 0, 0, maxSpeed, false);

    internal static MotionSegment Extend(
        MotionSegment segment, HistoryPoint point, DateTimeOffset end, double leg, double moving, double speed) =>
        segment with
        {
            End = end,
            EndLat = point.Lat,
            EndLon = point.Lon,
            DistanceMetres = segment.DistanceMetres + leg,
            MovingSeconds = segment.MovingSeconds + moving,
            MaxSpeed = segment.IsMotion ? Math.Max(segment.MaxSpeed, speed) : 0,
        };

    private static List<MotionSegment> AbsorbShortStops(List<MotionSegment> segments, TripOptions options)
    {
        var result = new List<MotionSegment>(segments.Count);
        foreach (var segment in segments)
        {
            if (segment.IsMotion && result.Count >= 2 && result[^2].IsMotion
                && !result[^1].ContainsGap && result[^1].DurationSeconds < options.MinParkingSeconds)
            {
                var stop = result[^1];
                var trip = result[^2];
                result.RemoveRange(result.Count - 2, 2);
                result.Add(MotionSegment.Join(MotionSegment.Join(trip, stop, true), segment, true));
            }
            else
            {
                result.Add(segment);
            }
        }

        return result;
    }

    private static List<MotionSegment> DemoteShortTrips(List<MotionSegment> segments, TripOptions options)
    {
        var demoted = segments
            .Select(s => s.IsMotion
                && s.DistanceMetres < options.MinTripDistanceMetres
                && s.DurationSeconds < options.MinTripDurationSeconds
                    ? s with { IsMotion = false, MaxSpeed = 0 }
                    : s)
            .ToList();
        return MergeNeighbours(demoted);
    }

    /// <summary>Neighbouring segments of the same kind (a stop next to a gap, a demoted trip between stops) become one.</summary>
    internal static List<MotionSegment> MergeNeighbours(List<MotionSegment> segments)
    {
        var result = new List<MotionSegment>(segments.Count);
        foreach (var segment in segments)
        {
            if (result.Count > 0 && result[^1].IsMotion == segment.IsMotion)
            {
                result[^1] = MotionSegment.Join(result[^1], segment, segment.IsMotion);
            }
            else
            {
                result.Add(segment);
            }
        }

        return result;
    }
}
