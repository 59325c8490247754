using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

public sealed class RouteBuilderTests
{
    [Fact]
    public void Build_CityDay_KeepsFirstLastAndStopPointsAndReducesPointCount()
    {
        var analysis = TrackAnalyzer.Analyze(SyntheticTracks.CityDay().Points);
        var points = analysis.Track.Points;

        var route = RouteBuilder.Build(analysis, toleranceMetres: 10);

        Assert.True(route.PointCount < points.Count / 10, $"{route.PointCount} of {points.Count}");
        Assert.Equal(route.Points.Count, route.PointCount);
        Assert.Equal(points.Count, route.SourcePointCount);
        Assert.Equal(points[0].Point.Time, route.Points[0].Time);
        Assert.Equal(points[^1].Point.Time, route.Points[^1].Time);
        var times = route.Points.Select(p => p.Time).ToHashSet();
        foreach (var stop in analysis.Stops)
        {
            Assert.Contains(points.First(p => p.Point.Time >= stop.Start).Point.Time, times);
            Assert.Contains(points.Last(p => p.Point.Time <= stop.End).Point.Time, times);
            Assert.Contains(route.Points, p => p.Lat == stop.Lat && p.Lon == stop.Lon);
        }
    }

    [Fact]
    public void Build_EverySourcePoint_StaysWithinToleranceOfTheLine()
    {
        var analysis = TrackAnalyzer.Analyze(SyntheticTracks.CityDay(seed: 13).Points);
        const double tolerance = 25;

        var route = RouteBuilder.Build(analysis, tolerance);

        var vertices = route.Points.ToList();
        var segment = 0;
        foreach (var source in analysis.Track.Points.Select(p => p.Point))
        {
            while (segment < vertices.Count - 2 && source.Time > vertices[segment + 1].Time)
            {
                segment++;
            }

            var deviation = CrossTrackMetres(source, vertices[segment], vertices[segment + 1]);
            Assert.True(deviation <= tolerance + 0.5, $"{source.Time:O} is {deviation:F1} m off the route");
        }
    }

    [Fact]
    public void Build_ZeroTolerance_KeepsEveryPointAndCarriesSummaryProperties()
    {
        var analysis = TrackAnalyzer.Analyze(SyntheticTracks.CityDay().Points);

        var route = RouteBuilder.Build(analysis, 0);

        Assert.Equal(analysis.Track.Points.Count, route.PointCount);
        Assert.Equal(analysis.Distance.DistanceKm, route.DistanceKm);
        Assert.Equal("gps", route.DistanceSource);
        Assert.Equal(80, route.MaxSpeed);
        Assert.Equal(analysis.AvgSpeed, route.AvgSpeed);
        Assert.Equal((analysis.Track.Points[^1].Point.Time - analysis.Track.Points[0].Point.Time).TotalSeconds, route.DurationS);
        Assert.Same(analysis.Stops, route.Stops);
        Assert.Same(analysis.Events, route.Events);
    }

    [Fact]
    public void Build_TrackAcrossTheAntimeridian_SimplifiesAStraightLineToItsEnds()
    {
        var builder = new TrackBuilder(SyntheticTracks.Morning, -16.5, 179.95, seed: 1).Straight(60, 600, 90);
        Assert.True(builder.Points[^1].Lon < 0, "track must cross 180 degrees");

        var route = RouteBuilder.Build(TrackAnalyzer.Analyze(builder.Points), 10);

        Assert.Equal(2, route.PointCount);
    }

    /// <summary>Distance of p from segment ab in a local equirectangular frame (independent of the code under test).</summary>
    private static double CrossTrackMetres(HistoryPoint p, RoutePoint a, RoutePoint b)
    {
        var k = Math.Cos(a.Lat * Math.PI / 180);
        (double X, double Y) Xy(double lat, double lon) => (lon * k * Math.PI / 180 * Geodesy.Radius, lat * Math.PI / 180 * Geodesy.Radius);
        var (px, py) = Xy(p.Lat, p.Lon);
        var (ax, ay) = Xy(a.Lat, a.Lon);
        var (bx, by) = Xy(b.Lat, b.Lon);
        var (dx, dy) = (bx - ax, by - ay);
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / lengthSquared, 0, 1);
        return Math.Sqrt(Math.Pow(px - (ax + (t * dx)), 2) + Math.Pow(py - (ay + (t * dy)), 2));
    }
}
