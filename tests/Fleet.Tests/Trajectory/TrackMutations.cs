using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

/// <summary>Corruptions real devices produce: GPS jumps, duplicates, out-of-order delivery.</summary>
public static class TrackMutations
{
    /// <summary>Inserts <paramref name="count"/> jump points between points[index] and points[index+1], km away.</summary>
    public static List<HistoryPoint> InsertJump(IReadOnlyList<HistoryPoint> points, int index, double km, double bearing = 45, int count = 1)
    {
        var result = points.ToList();
        var a = points[index];
        var b = points[index + 1];
        var far = Geodesy.Destination(a.Lat, a.Lon, bearing, km * 1000);
        var step = (b.Time - a.Time) / (count + 1);
        for (var i = count; i >= 1; i--)
        {
            result.Insert(index + 1, a with { Time = a.Time + (step * i), Lat = far.Lat + (i * 1e-5), Lon = far.Lon });
        }

        return result;
    }

    /// <summary>A bad fix reported before the first real point.</summary>
    public static List<HistoryPoint> PrependJump(IReadOnlyList<HistoryPoint> points, double km)
    {
        var first = points[0];
        var far = Geodesy.Destination(first.Lat, first.Lon, 120, km * 1000);
        return [first with { Time = first.Time.AddSeconds(-10), Lat = far.Lat, Lon = far.Lon }, .. points];
    }

    public static List<HistoryPoint> ShuffleAndDuplicate(IReadOnlyList<HistoryPoint> points, int seed, int duplicates)
    {
        var random = new Random(seed);
        var result = points.ToList();
        for (var i = 0; i < duplicates; i++)
        {
            result.Add(points[random.Next(points.Count)]);
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(result));
        return result;
    }
}
