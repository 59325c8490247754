using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

/// <summary>
/// Builds synthetic tracks with known ground truth: straight legs and circular arcs at constant speed, stops with
/// deterministic GPS noise, traffic-light pauses and device-off gaps. Points are sampled every <c>sampleSeconds</c> from
/// each leg's start; truth distance is the exact path length, truth trips/stops the exact leg boundaries.
/// </summary>
public sealed class TrackBuilder(DateTimeOffset start, double lat, double lon, int seed = 1, double sampleSeconds = 10)
{
    private readonly Random random = new(seed);
    private readonly List<HistoryPoint> points = [];
    private readonly List<TruthInterval> trips = [];
    private readonly List<TruthInterval> stops = [];
    private DateTimeOffset time = start;
    private (double Lat, double Lon) position = (lat, lon);
    private double heading;
    private double fuelLevel = 60;
    private bool? segmentIsTrip;
    private DateTimeOffset segmentStart = start;
    private double segmentStartMetres;

    public double TruthMetres { get; private set; }

    public double MovingNoiseMetres { get; init; } = 1.5;

    public double StopNoiseMetres { get; init; } = 4;

    public double? OdometerStartKm { get; init; }

    public double FuelPerKm { get; init; } = 0.25;

    public double FuelNoiseLitres { get; init; }

    public bool ReportFuel { get; init; }

    public DateTimeOffset Now => time;

    public IReadOnlyList<TruthInterval> TruthTrips => Close(trips, true);

    public IReadOnlyList<TruthInterval> TruthStops => Close(stops, false);

    public IReadOnlyList<HistoryPoint> Points => points;

    public TrackBuilder Straight(double speedKmh, double seconds, double? headingDegrees = null)
    {
        heading = headingDegrees ?? heading;
        var origin = position;
        var bearing = heading;
        var speed = speedKmh / 3.6;
        Drive(speedKmh, seconds, t => Geodesy.Destination(origin.Lat, origin.Lon, bearing, speed * t));
        TruthMetres += speed * seconds;
        return this;
    }

    /// <summary>Arc of a circle; positive turn = clockwise (right).</summary>
    public TrackBuilder Arc(double speedKmh, double radiusMetres, double turnDegrees)
    {
        var side = Math.Sign(turnDegrees);
        var centre = Geodesy.Destination(position.Lat, position.Lon, heading + (side * 90), radiusMetres);
        var startBearing = heading + (side * 90) + 180;
        var speed = speedKmh / 3.6;
        var seconds = radiusMetres * Math.Abs(turnDegrees) * Math.PI / 180 / speed;
        Drive(speedKmh, seconds, t => Geodesy.Destination(
            centre.Lat, centre.Lon, startBearing + (side * speed * t / radiusMetres * 180 / Math.PI), radiusMetres));
        heading += turnDegrees;
        TruthMetres += speed * seconds;
        return this;
    }

    /// <summary>Parked: speed noise up to <paramref name="maxSpeedNoise"/>, position noise, given ignition.</summary>
    public TrackBuilder Stop(double seconds, bool? ignition = false, double? everySeconds = null, double maxSpeedNoise = 0)
    {
        Mark(false);
        var at = position;
        Emit(seconds, everySeconds ?? sampleSeconds, _ => at, () => random.NextDouble() * maxSpeedNoise, ignition, StopNoiseMetres);
        return this;
    }

    /// <summary>Standing in traffic with ignition on: part of the trip in the ground truth.</summary>
    public TrackBuilder Pause(double seconds)
    {
        Mark(true);
        var at = position;
        Emit(seconds, sampleSeconds, _ => at, () => 0, true, MovingNoiseMetres);
        return this;
    }

    /// <summary>Device silent while parked; optionally the vehicle is moved meanwhile (towed/ferried, not counted as truth).</summary>
    public TrackBuilder Gap(double seconds, double moveMetres = 0, double bearing = 0)
    {
        Mark(false);
        position = Geodesy.Destination(position.Lat, position.Lon, bearing, moveMetres);
        time = time.AddSeconds(seconds);
        return this;
    }

    public TrackBuilder Refuel(double litres)
    {
        fuelLevel += litres;
        return this;
    }

    private void Drive(double speedKmh, double seconds, Func<double, (double Lat, double Lon)> at)
    {
        Mark(true);
        var metresBefore = TruthMetres;
        var speed = speedKmh / 3.6;
        Emit(seconds, sampleSeconds, at, () => speedKmh, true, MovingNoiseMetres, t => metresBefore + (speed * t));
        position = at(seconds);
    }

    private void Emit(
        double seconds,
        double every,
        Func<double, (double Lat, double Lon)> at,
        Func<double> speed,
        bool? ignition,
        double noise,
        Func<double, double>? travelled = null)
    {
        var legStart = time;
        var first = points.Count == 0 ? 0 : 1;
        for (var k = first; k * every <= seconds + 1e-9; k++)
        {
            var t = k * every;
            var metres = travelled?.Invoke(t) ?? TruthMetres;
            var (pLat, pLon) = Noisy(at(t), noise);
            points.Add(new HistoryPoint(
                legStart.AddSeconds(t), pLat, pLon, speed(), heading, 150, ignition,
                ReportFuel ? Math.Round(fuelLevel - (FuelPerKm * metres / 1000) + Uniform(FuelNoiseLitres), 1) : null,
                9, true, OdometerStartKm is { } km ? Math.Round(km + (metres / 1000), 1) : null, null));
        }

        time = legStart.AddSeconds(seconds);
    }

    private (double Lat, double Lon) Noisy((double Lat, double Lon) p, double maxMetres)
    {
        // Truncated Gaussian (sigma = max/2.5) so stop noise stays well inside the 30 m drift radius.
        var r = Math.Min(maxMetres, Math.Abs(Gaussian()) * maxMetres / 2.5);
        var angle = random.NextDouble() * 2 * Math.PI;
        return Geodesy.Offset(p.Lat, p.Lon, r * Math.Cos(angle), r * Math.Sin(angle));
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private double Uniform(double amplitude) => amplitude == 0 ? 0 : ((random.NextDouble() * 2) - 1) * amplitude;

    private void Mark(bool isTrip)
    {
        if (segmentIsTrip == isTrip)
        {
            return;
        }

        if (segmentIsTrip is { } wasTrip && time > segmentStart)
        {
            (wasTrip ? trips : stops).Add(new TruthInterval(segmentStart, time, TruthMetres - segmentStartMetres));
        }

        segmentIsTrip = isTrip;
        segmentStart = time;
        segmentStartMetres = TruthMetres;
    }

    private List<TruthInterval> Close(List<TruthInterval> list, bool isTrip) =>
        segmentIsTrip == isTrip && time > segmentStart ? [.. list, new TruthInterval(segmentStart, time, TruthMetres - segmentStartMetres)] : [.. list];
}
