using Fleet.History;

namespace Fleet.Bench.Trajectory;

/// <summary>
/// A deterministic fleet day at 10 s: each vehicle parks, then alternates 25-40 min drives (45-70 km/h, turning) with
/// 10-30 min stops between 06:00 and 20:00 UTC, ignition on while driving; 8,640 points per vehicle-day.
/// </summary>
internal static class SyntheticFleet
{
    public const int PointsPerDay = 8640;

    public static IEnumerable<HistoryRecord> VehicleDay(string vehicleId, DateOnly day, int seed)
    {
        var random = new Random(HashCode.Combine(seed, day.DayNumber));
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        double lat = 55.0 + (seed % 100 * 0.01), lon = 37.0 + (seed / 100 % 100 * 0.01), heading = random.NextDouble() * 360;
        var moving = false;
        var phaseEnds = 6 * 360; // first drive at 06:00
        double speed = 0, odometer = 1000 + (seed * 10.0);
        for (var i = 0; i < PointsPerDay; i++)
        {
            if (i >= phaseEnds)
            {
                moving = !moving && i < 20 * 360;
                phaseEnds = i + (moving ? random.Next(150, 240) : random.Next(60, 180));
                speed = moving ? random.Next(45, 70) : 0;
            }

            if (moving)
            {
                heading = (heading + random.NextDouble() * 10 - 5 + 360) % 360;
                var metres = speed / 3.6 * 10;
                lat += metres * Math.Cos(heading * Math.PI / 180) / 111_320;
                lon += metres * Math.Sin(heading * Math.PI / 180) / (111_320 * Math.Cos(lat * Math.PI / 180));
                odometer += metres / 1000;
            }

            var time = start.AddSeconds(i * 10);
            yield return new HistoryRecord
            {
                VehicleId = vehicleId, DeviceId = "dev-" + vehicleId, CompanyId = "c-bench", DeviceTime = time, ServerTime = time.AddSeconds(1),
                Lat = lat, Lon = lon, Speed = moving ? speed + random.NextDouble() : 0, Heading = heading, Altitude = 150,
                Satellites = 9, Hdop = 0.9, Ignition = moving, Fuel = 60 - odometer % 40, Odometer = Math.Round(odometer, 1),
            };
        }
    }
}
