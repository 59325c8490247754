namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Turns raw stored records into a trustworthy track: time order, one record per timestamp, no invalid fixes, no GPS jumps,
/// and no distance from stationary drift. Pure and order-independent: any permutation or duplication of the same records
/// gives the same result (apart from the duplicate count).
/// </summary>
public static class TrackCleaner
{
    public static CleanedTrack Clean(IEnumerable<HistoryPoint> input, CleaningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= CleaningOptions.Default;

        var all = input.Select(p => p.Time.Offset == TimeSpan.Zero ? p : p with { Time = p.Time.ToUniversalTime() }).ToList();
        var records = all;
        if (!StrictlyIncreasing(all))
        {
            // Only equal or out-of-order times need the total order and the dedupe; time-sorted reads skip both.
            SortByTotalOrder(all);
            records = new List<HistoryPoint>(all.Count);
            foreach (var record in all)
            {
                if (records.Count == 0 || records[^1].Time != record.Time)
                {
                    records.Add(record);
                }
            }
        }

        int invalid = 0, zero = 0, outOfRange = 0;
        var usable = new List<HistoryPoint>(records.Count);
        foreach (var record in records)
        {
            if (!HasSaneValues(record))
            {
                outOfRange++;
            }
            else if (!record.Valid)
            {
                invalid++;
            }
            else if (record.Lat == 0 && record.Lon == 0)
            {
                zero++;
            }
            else
            {
                usable.Add(record);
            }
        }

        var jumpResult = JumpFilter.Apply(usable, options);
        var (points, drift, anchor) = MeasureLegs(jumpResult.Accepted, jumpResult.RelocationStarts, options);
        var report = new CleaningReport(
            all.Count,
            all.Count - records.Count,
            invalid,
            zero,
            outOfRange,
            jumpResult.Jumps,
            jumpResult.RelocationStarts.Count,
            drift,
            points.Count);
        return new CleanedTrack(records, points, report) { DriftAnchor = anchor };
    }

    /// <summary>True for a record whose position can be used at all (before jump filtering).</summary>
    public static bool IsUsable(HistoryPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.Valid && HasSaneValues(point) && !(point.Lat == 0 && point.Lon == 0);
    }

    /// <summary>
    /// Stationary for drift purposes: slow with ignition off or unknown, or ignition reported off at any reported speed
    /// (cheap receivers report speed noise while parked; a real tow still moves past the drift radius and is counted).
    /// </summary>
    public static bool IsStationary(HistoryPoint point, CleaningOptions options)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(options);
        return point.Ignition == false || (point.Ignition is null && point.Speed < options.StationarySpeedKmh);
    }

    /// <summary>
    /// Same result as sorting with <see cref="HistoryPointOrder"/>, faster on month-long unsorted reads: a primitive sort on
    /// the time, then the full comparer only inside runs of equal times (where it decides which duplicate is kept).
    /// </summary>
    private static void SortByTotalOrder(List<HistoryPoint> points)
    {
        var items = points.ToArray();
        var keys = new long[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            keys[i] = items[i].Time.UtcTicks;
        }

        Array.Sort(keys, items);
        for (var start = 0; start < items.Length;)
        {
            var end = start + 1;
            while (end < items.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(items, start, end - start, HistoryPointOrder.Instance);
            }

            start = end;
        }

        points.Clear();
        points.AddRange(items);
    }

    private static bool StrictlyIncreasing(List<HistoryPoint> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i - 1].Time.UtcTicks >= points[i].Time.UtcTicks)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasSaneValues(HistoryPoint p) =>
        double.IsFinite(p.Lat) && double.IsFinite(p.Lon) && Math.Abs(p.Lat) <= 90 && Math.Abs(p.Lon) <= 180
        && double.IsFinite(p.Speed) && p.Speed >= 0;

    /// <summary>
    /// Leg distances are measured from the last COUNTED position. While both that position and the new point are stationary
    /// and within the drift radius, nothing is counted; the first stationary point after motion always counts so arriving
    /// at a stop loses no distance.
    /// </summary>
    private static (List<CleanPoint> Points, int Drift, HistoryPoint? Anchor) MeasureLegs(
        IReadOnlyList<HistoryPoint> accepted, IReadOnlySet<int> relocationStarts, CleaningOptions options)
    {
        var result = new List<CleanPoint>(accepted.Count);
        if (accepted.Count == 0)
        {
            return (result, 0, null);
        }

        var anchor = accepted[0];
        var anchorStationary = IsStationary(anchor, options);
        var cumulative = 0.0;
        var drift = 0;
        result.Add(new CleanPoint(anchor, 0, 0));
        for (var i = 1; i < accepted.Count; i++)
        {
            var point = accepted[i];
            var stationary = IsStationary(point, options);
            var leg = 0.0;
            if (relocationStarts.Contains(i))
            {
                anchor = point;
                anchorStationary = stationary;
            }
            else
            {
                var metres = GeoMath.HaversineMetres(anchor, point);
                if (stationary && anchorStationary && metres < options.DriftRadiusMetres)
                {
                    drift++;
                }
                else
                {
                    leg = metres;
                    anchor = point;
                    anchorStationary = stationary;
                }
            }

            cumulative += leg;
            result.Add(new CleanPoint(point, leg, cumulative));
        }

        return (result, drift, anchor);
    }
}
