namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Chooses between GPS distance and the device odometer. The odometer is used only when it is monotonic (no resets),
/// every increment is consistent with the GPS distance covered meanwhile, its total matches GPS within tolerance and its
/// readings span the whole track; otherwise GPS is used and the reason is reported.
/// </summary>
public static class DistanceCalculator
{
    public static DistanceResult Compute(CleanedTrack track, OdometerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        options ??= OdometerOptions.Default;
        return Decide(Span(track.Points, options), track.DistanceMetres, options);
    }

    /// <summary>The odometer readings of cleaned points, summed up for <see cref="Decide"/>.</summary>
    internal static OdometerSpan Span(IReadOnlyList<CleanPoint> points, OdometerOptions options)
    {
        var readings = new List<int>();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Point.OdometerKm is { } km && double.IsFinite(km))
            {
                readings.Add(i);
            }
        }

        if (readings.Count == 0)
        {
            return new OdometerSpan(0, 0, 0, 0, 0, null);
        }

        var first = points[readings[0]];
        var last = points[readings[^1]];
        return new OdometerSpan(
            readings.Count, Odometer(first), first.CumulativeMetres, Odometer(last), last.CumulativeMetres, FindInconsistency(points, readings, options));
    }

    /// <summary>
    /// The choice from what a track's odometer readings add up to (<paramref name="span"/>, cumulative GPS metres of the whole
    /// track): shared by a whole track and by day pieces joined into one (<see cref="Pieces.DayPieceStitcher"/>).
    /// </summary>
    internal static DistanceResult Decide(OdometerSpan span, double totalMetres, OdometerOptions options)
    {
        var gpsKm = totalMetres / 1000.0;
        if (span.ReadingCount < 2)
        {
            return Gps(gpsKm, null, span.ReadingCount == 0 ? null : "fewer than two odometer readings");
        }

        var odometerKm = span.LastKm - span.FirstKm;
        var reason = span.Inconsistency;
        if (reason is null)
        {
            var uncoveredKm = (span.FirstCumulativeMetres + (totalMetres - span.LastCumulativeMetres)) / 1000.0;
            var coveredGpsKm = (span.LastCumulativeMetres - span.FirstCumulativeMetres) / 1000.0;
            if (uncoveredKm > options.AbsoluteToleranceKm)
            {
                reason = "odometer readings do not cover the whole period";
            }
            else if (!WithinTolerance(odometerKm, coveredGpsKm, options))
            {
                reason = "odometer total disagrees with GPS distance";
            }
        }

        return reason is null
            ? new DistanceResult(odometerKm, gpsKm, odometerKm, DistanceResult.OdometerSource, null)
            : Gps(gpsKm, odometerKm, reason);
    }

    /// <summary>Why the step from one odometer reading to the next cannot be trusted, or null.</summary>
    internal static string? Increment(double previousKm, double previousMetres, double currentKm, double currentMetres, OdometerOptions options)
    {
        var increment = currentKm - previousKm;
        if (increment < -options.DecreaseToleranceKm)
        {
            return "odometer decreased (reset or rollback)";
        }

        // Only an excess is checked per increment: coarse odometers lag behind GPS between ticks.
        var gpsKm = (currentMetres - previousMetres) / 1000.0;
        return increment > (gpsKm * (1 + options.RelativeTolerance)) + options.AbsoluteToleranceKm
            ? "odometer increment inconsistent with GPS distance"
            : null;
    }

    private static string? FindInconsistency(IReadOnlyList<CleanPoint> points, List<int> readings, OdometerOptions options)
    {
        for (var k = 1; k < readings.Count; k++)
        {
            var previous = points[readings[k - 1]];
            var current = points[readings[k]];
            if (Increment(Odometer(previous), previous.CumulativeMetres, Odometer(current), current.CumulativeMetres, options) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static bool WithinTolerance(double odometerKm, double gpsKm, OdometerOptions options) =>
        Math.Abs(odometerKm - gpsKm) <= Math.Max(options.AbsoluteToleranceKm, gpsKm * options.RelativeTolerance);

    private static double Odometer(CleanPoint point) => point.Point.OdometerKm ?? 0;

    private static DistanceResult Gps(double gpsKm, double? odometerKm, string? reason) =>
        new(gpsKm, gpsKm, odometerKm, DistanceResult.GpsSource, reason);
}
