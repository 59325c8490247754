namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Douglas-Peucker over coordinate arrays: the same splits and the same kept vertices as NetTopologySuite's
/// <c>DouglasPeuckerLineSimplifier</c> (same point-to-segment arithmetic, first maximum wins, a section is dropped when its
/// farthest point is within the tolerance), without a Coordinate object per point or a copied array per piece: on a
/// month route those were most of the route build and a large share of its garbage.
/// </summary>
public static class DouglasPeucker
{
    /// <summary>
    /// Marks in <paramref name="kept"/> the vertices of <paramref name="first"/>..<paramref name="last"/> that survive
    /// simplification to <paramref name="tolerance"/> (the two ends always do); flags outside the section are untouched.
    /// </summary>
    public static void Simplify(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int first, int last, double tolerance, Span<bool> kept)
    {
        if (first > last)
        {
            return;
        }

        kept[first] = true;
        kept[last] = true;
        var pending = new Stack<(int From, int To)>();
        pending.Push((first, last));
        while (pending.TryPop(out var section))
        {
            var (i, j) = section;
            if (i + 1 >= j)
            {
                continue;
            }

            var maxDistance = -1.0;
            var maxIndex = i;
            for (var k = i + 1; k < j; k++)
            {
                var distance = PointToSegment(x[k], y[k], x[i], y[i], x[j], y[j]);
                if (distance > maxDistance)
                {
                    maxDistance = distance;
                    maxIndex = k;
                }
            }

            if (maxDistance > tolerance)
            {
                kept[maxIndex] = true;
                pending.Push((maxIndex, j));
                pending.Push((i, maxIndex));
            }
        }
    }

    /// <summary>NetTopologySuite's <c>DistanceComputer.PointToSegment</c>, operation for operation (so ties and rounding agree).</summary>
    public static double PointToSegment(double px, double py, double ax, double ay, double bx, double by)
    {
        if (ax == bx && ay == by)
        {
            return Distance(px, py, ax, ay);
        }

        var len2 = ((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay));
        var r = (((px - ax) * (bx - ax)) + ((py - ay) * (by - ay))) / len2;
        if (r <= 0.0)
        {
            return Distance(px, py, ax, ay);
        }

        if (r >= 1.0)
        {
            return Distance(px, py, bx, by);
        }

        var s = (((ay - py) * (bx - ax)) - ((ax - px) * (by - ay))) / len2;
        return Math.Abs(s) * Math.Sqrt(len2);
    }

    private static double Distance(double px, double py, double qx, double qy)
    {
        var dx = px - qx;
        var dy = py - qy;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
