using NetTopologySuite.Simplify;

namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Builds the simplified route line. The track is cut at the first and last point and at every stop's arrival and
/// departure points; each piece is simplified with NetTopologySuite's Douglas-Peucker line simplifier in a local metric
/// frame. Piece ends are always kept, so stops and the ends of the track stay exactly on the line.
/// </summary>
public static class RouteBuilder
{
    public static RouteResult Build(TrackAnalysis analysis, double toleranceMetres)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var points = analysis.Track.Points;
        var vertices = Vertices(points, analysis.Stops, toleranceMetres);
        return new RouteResult(
            vertices,
            analysis.Distance.DistanceKm,
            analysis.Distance.Source,
            analysis.DurationS,
            analysis.MaxSpeed,
            analysis.AvgSpeed,
            vertices.Count,
            points.Count,
            analysis.Stops,
            analysis.Events) { GpsKm = analysis.Distance.GpsKm };
    }

    /// <summary>The simplified line's vertices: the kept points in time order.</summary>
    internal static List<RoutePoint> Vertices(IReadOnlyList<CleanPoint> points, IReadOnlyList<StopItem> stops, double toleranceMetres)
    {
        var kept = SimplifiedIndices(points, stops, toleranceMetres);
        var vertices = new List<RoutePoint>();
        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i])
            {
                var p = points[i].Point;
                vertices.Add(new RoutePoint(p.Time, p.Lat, p.Lon, p.Speed));
            }
        }

        return vertices;
    }

    /// <summary>Flags of the kept points (a flag array, not a set: a month keeps up to hundreds of thousands).</summary>
    private static bool[] SimplifiedIndices(IReadOnlyList<CleanPoint> points, IReadOnlyList<StopItem> stops, double toleranceMetres)
    {
        var kept = new bool[points.Count];
        if (points.Count == 0)
        {
            return kept;
        }

        if (!(toleranceMetres > 0))
        {
            Array.Fill(kept, true);
            return kept;
        }

        var anchors = new SortedSet<int> { 0, points.Count - 1 };
        foreach (var stop in stops)
        {
            anchors.Add(TimeIndex.FirstAtOrAfter(points, stop.Start));
            anchors.Add(TimeIndex.LastAtOrBefore(points, stop.End));
        }

        var coordinates = LocalMetricProjection.Project(points);
        var previous = -1;
        foreach (var anchor in anchors)
        {
            kept[anchor] = true;
            if (previous >= 0 && anchor - previous > 1)
            {
                var piece = coordinates[previous..(anchor + 1)];
                foreach (var vertex in DouglasPeuckerLineSimplifier.Simplify(piece, toleranceMetres))
                {
                    kept[(int)vertex.Z] = true;
                }
            }

            previous = anchor;
        }

        return kept;
    }
}
