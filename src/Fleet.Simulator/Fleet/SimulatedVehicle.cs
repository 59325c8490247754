namespace Fleet.Simulator.Fleet;

/// <summary>
/// One demo vehicle driving a street grid: axis-aligned legs between random destinations, city speeds, stops of
/// a few minutes with the engine off, a little GPS noise. Deterministic for a given seed.
/// </summary>
public sealed class SimulatedVehicle(string deviceId, double centerLat, double centerLon, double radiusKm, Random random)
{
    private const double MetresPerDegreeLat = 111_195.0;
    private double _lat = centerLat + (random.NextDouble() - 0.5) * 2 * radiusKm * 1000 / MetresPerDegreeLat;
    private double _lon = centerLon + (random.NextDouble() - 0.5) * 2 * radiusKm * 1000 / (MetresPerDegreeLat * Math.Cos(centerLat * Math.PI / 180));
    private double _targetLat;
    private double _targetLon;
    private double _cruiseKmh;
    private TimeSpan _stoppedFor = TimeSpan.FromSeconds(random.Next(0, 120));

    public string DeviceId { get; } = deviceId;

    public double Lat => _lat;

    public double Lon => _lon;

    public double SpeedKmh { get; private set; }

    public double Heading { get; private set; }

    public bool Ignition { get; private set; }

    public double OdometerKm { get; private set; } = 10_000 + random.Next(0, 90_000);

    public double FuelL { get; private set; } = 30 + random.Next(0, 200);

    /// <summary>Advances the vehicle by <paramref name="dt"/>.</summary>
    public void Step(TimeSpan dt)
    {
        if (_stoppedFor > TimeSpan.Zero)
        {
            _stoppedFor -= dt;
            SpeedKmh = 0;
            Ignition = _stoppedFor < TimeSpan.FromSeconds(20);   // the engine starts shortly before leaving
            if (_stoppedFor <= TimeSpan.Zero)
            {
                PickDestination();
            }

            return;
        }

        Ignition = true;
        var metresPerDegreeLon = MetresPerDegreeLat * Math.Cos(_lat * Math.PI / 180);
        var dyM = (_targetLat - _lat) * MetresPerDegreeLat;
        var dxM = (_targetLon - _lon) * metresPerDegreeLon;
        // Streets: drive east/west first, then north/south.
        var alongX = Math.Abs(dxM) > 15;
        var remaining = alongX ? Math.Abs(dxM) : Math.Abs(dyM);
        if (!alongX && remaining <= 15)
        {
            _stoppedFor = TimeSpan.FromSeconds(random.Next(60, 600));
            SpeedKmh = 0;
            return;
        }

        SpeedKmh = Math.Clamp(_cruiseKmh + (random.NextDouble() - 0.5) * 10, 5, 110);
        var step = Math.Min(remaining, SpeedKmh / 3.6 * dt.TotalSeconds);
        if (alongX)
        {
            _lon += Math.Sign(dxM) * step / metresPerDegreeLon;
            Heading = dxM > 0 ? 90 : 270;
        }
        else
        {
            _lat += Math.Sign(dyM) * step / MetresPerDegreeLat;
            Heading = dyM > 0 ? 0 : 180;
        }

        OdometerKm += step / 1000;
        FuelL = Math.Max(5, FuelL - step / 1000 * 0.3);
    }

    /// <summary>The reported position: the true one plus a few metres of receiver noise.</summary>
    public (double Lat, double Lon) Reported() =>
        (_lat + (random.NextDouble() - 0.5) * 6 / MetresPerDegreeLat, _lon + (random.NextDouble() - 0.5) * 6 / MetresPerDegreeLat);

    private void PickDestination()
    {
        var metresPerDegreeLon = MetresPerDegreeLat * Math.Cos(centerLat * Math.PI / 180);
        _targetLat = centerLat + (random.NextDouble() - 0.5) * 2 * radiusKm * 1000 / MetresPerDegreeLat;
        _targetLon = centerLon + (random.NextDouble() - 0.5) * 2 * radiusKm * 1000 / metresPerDegreeLon;
        _cruiseKmh = 25 + random.Next(0, 45);
    }
}
