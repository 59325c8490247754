namespace Fleet.Trajectory.Analysis;

/// <summary>Finds the last trusted position at or before an instant (the first one if the instant precedes the track).</summary>
internal sealed class PositionLookup(IReadOnlyList<CleanPoint> points)
{
    public TrackEvent EventAt(DateTimeOffset time, TrackEventType type, string? alarm)
    {
        if (points.Count == 0)
        {
            return new TrackEvent(time, type, alarm, null, null);
        }

        var point = points[TimeIndex.LastAtOrBefore(points, time)].Point;
        return new TrackEvent(time, type, alarm, point.Lat, point.Lon);
    }
}
