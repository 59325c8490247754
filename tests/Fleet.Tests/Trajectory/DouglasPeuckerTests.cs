using Fleet.Trajectory.Analysis;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Fleet.Tests.Trajectory;

/// <summary>The array Douglas-Peucker must keep exactly the vertices NetTopologySuite's simplifier keeps (routes unchanged).</summary>
public sealed class DouglasPeuckerTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(25.0)]
    public void Simplify_RandomWalksWithRepeatsAndCollinearRuns_SameVerticesAsNetTopologySuite(double tolerance)
    {
        var random = new Random(20261126 + (int)tolerance);
        for (var run = 0; run < 300; run++)
        {
            var (x, y) = Walk(random, random.Next(1, 400));
            var kept = new bool[x.Length];

            DouglasPeucker.Simplify(x, y, 0, x.Length - 1, tolerance, kept);

            var coordinates = x.Select((_, i) => (Coordinate)new CoordinateZ(x[i], y[i], i)).ToArray();
            var expected = x.Length < 2
                ? [.. Enumerable.Range(0, x.Length)]
                : DouglasPeuckerLineSimplifier.Simplify(coordinates, tolerance).Select(c => (int)c.Z).ToArray();
            Assert.Equal(expected, Enumerable.Range(0, x.Length).Where(i => kept[i]));
        }
    }

    [Fact]
    public void Simplify_Section_LeavesFlagsOutsideItAlone()
    {
        double[] x = [0, 1, 2, 3, 4, 5];
        double[] y = [0, 0, 9, 0, 0, 0];
        var kept = new bool[6];

        DouglasPeucker.Simplify(x, y, 1, 3, 1, kept);

        Assert.Equal([false, true, true, true, false, false], kept);
    }

    /// <summary>A walk of metre-scale steps with runs of identical points, straight runs and reversals.</summary>
    private static (double[] X, double[] Y) Walk(Random random, int count)
    {
        var x = new double[count];
        var y = new double[count];
        for (var i = 1; i < count; i++)
        {
            var mode = random.Next(5);
            (x[i], y[i]) = mode switch
            {
                0 => (x[i - 1], y[i - 1]),
                1 => (x[i - 1] + 3, y[i - 1]),
                2 when i > 1 => (x[i - 2], y[i - 2]),
                _ => (x[i - 1] + ((random.NextDouble() - 0.5) * 40), y[i - 1] + ((random.NextDouble() - 0.5) * 40)),
            };
        }

        return (x, y);
    }
}
