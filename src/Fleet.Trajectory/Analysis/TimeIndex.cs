namespace Fleet.Trajectory.Analysis;

/// <summary>Binary searches over a time-ordered cleaned track (month-long histories make linear scans per stop costly).</summary>
internal static class TimeIndex
{
    /// <summary>Index of the first point at or after <paramref name="time"/>; the last index if none.</summary>
    public static int FirstAtOrAfter(IReadOnlyList<CleanPoint> points, DateTimeOffset time)
    {
        int low = 0, high = points.Count - 1, found = points.Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            if (points[mid].Point.Time >= time)
            {
                found = mid;
                high = mid - 1;
            }
            else
            {
                low = mid + 1;
            }
        }

        return found;
    }

    /// <summary>Index of the last point at or before <paramref name="time"/>; 0 if none.</summary>
    public static int LastAtOrBefore(IReadOnlyList<CleanPoint> points, DateTimeOffset time)
    {
        int low = 0, high = points.Count - 1, found = 0;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            if (points[mid].Point.Time <= time)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found;
    }
}
