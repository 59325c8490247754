using System.Buffers;
using System.Text.Json;
using Fleet.Contracts.Events;
using Fleet.Contracts.Telemetry;
using Fleet.Processing.Enrichment;
using Fleet.Processing.Sinks;

namespace Fleet.Tests.Processing;

/// <summary>The hand-written <c>vehicle.positions</c> JSON against the source-generated serializer it replaced.</summary>
public sealed class VehiclePositionJsonTests
{
    private static readonly DateTimeOffset Processed = new(2026, 11, 26, 20, 0, 0, 123, TimeSpan.Zero);

    public static TheoryData<string> Shapes => ["full", "bare", "escaped"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Write_Point_MatchesSerializerBytesAndDeserialisesToSamePosition(string shape)
    {
        var point = Point(shape);

        var written = Write(point);
        var expected = JsonSerializer.SerializeToUtf8Bytes(
            ToPosition(point, Processed), FleetJsonContext.Default.VehiclePosition);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(written));
        var parsed = JsonSerializer.Deserialize(written, FleetJsonContext.Default.VehiclePosition)!;
        var before = ToPosition(point, Processed);
        Assert.Equal(before.GroupIds, parsed.GroupIds);
        Assert.Equal(before with { GroupIds = parsed.GroupIds }, parsed);
    }

    [Fact]
    public void Write_RandomPoints_MatchSerializerBytes()
    {
        var random = new Random(4);
        for (var i = 0; i < 2_000; i++)
        {
            var point = RandomPoint(random);
            var expected = JsonSerializer.SerializeToUtf8Bytes(
                ToPosition(point, Processed), FleetJsonContext.Default.VehiclePosition);
            Assert.Equal(expected, Write(point));
        }
    }

    private static byte[] Write(EnrichedPoint point)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            VehiclePositionJson.Write(writer, point, Processed);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static EnrichedPoint Point(string shape)
    {
        var time = new DateTimeOffset(2026, 11, 26, 19, 59, 58, 7, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var message = new TelemetryMessage { DeviceId = "dev-1", DeviceTimeMs = time, ServerTimeMs = time + 1_500, Lat = 52.520008, Lon = 13.404954 };
        if (shape == "bare")
        {
            return new(message, new VehicleContext(new VehicleUpdated("v-1", 1, "c-1", "dev-1", null, null, null, null), null, null), null);
        }

        message.SpeedKmh = 87.25;
        message.Heading = 359.9;
        message.AltitudeM = -3.5;
        message.Ignition = true;
        message.FuelL = 0.1;
        message.OdometerKm = 123456.789;
        message.Satellites = 11;
        message.Alarm = shape == "escaped" ? "sos \"<&>\" ü 🚚" : "sos";
        var name = shape == "escaped" ? "Lkw \"Nord\" <1> & ß\n" : "Truck 1";
        var vehicle = new VehicleUpdated("v-1", 1, "c-1", "dev-1", "B-FL 42", name, ["g-1", "g-\"2\""], "d-1");
        var company = new CompanyUpdated("c-1", 1, "Acme", "gold", "Europe/Berlin");
        return new(message, new VehicleContext(vehicle, null, company), null);
    }

    private static EnrichedPoint RandomPoint(Random random)
    {
        var message = new TelemetryMessage
        {
            DeviceId = "dev-" + random.Next(100),
            DeviceTimeMs = 1_700_000_000_000 + random.NextInt64(100_000_000_000),
            ServerTimeMs = 1_700_000_000_000 + random.NextInt64(100_000_000_000),
            Lat = (random.NextDouble() * 180) - 90,
            Lon = (random.NextDouble() * 360) - 180,
        };
        if (random.Next(2) == 0)
        {
            message.SpeedKmh = Math.Round(random.NextDouble() * 200, random.Next(4));
        }

        if (random.Next(2) == 0)
        {
            message.Heading = random.Next(360);
        }

        if (random.Next(2) == 0)
        {
            message.Ignition = random.Next(2) == 0;
        }

        if (random.Next(2) == 0)
        {
            message.Satellites = random.Next(30);
        }

        if (random.Next(4) == 0)
        {
            message.OdometerKm = random.NextDouble() * 1e6;
        }

        var groups = random.Next(3) == 0 ? null : Enumerable.Range(0, random.Next(3)).Select(g => "g-" + g).ToArray();
        var vehicle = new VehicleUpdated("v-" + random.Next(100), 1, "c-1", null, random.Next(2) == 0 ? null : "P-1", "Truck", groups, null);
        var company = random.Next(2) == 0 ? null : new CompanyUpdated("c-1", 1, "Acme", random.Next(2) == 0 ? null : "basic", null);
        return new(message, new VehicleContext(vehicle, null, company), null);
    }

    /// <summary>The record the published JSON stands for: what the serializer wrote before <see cref="VehiclePositionJson"/>.</summary>
    private static VehiclePosition ToPosition(EnrichedPoint point, DateTimeOffset processed)
    {
        var m = point.Message;
        var context = point.Context!;
        return new VehiclePosition
        {
            VehicleId = context.Vehicle.Id,
            DeviceId = m.DeviceId,
            CompanyId = context.Vehicle.CompanyId,
            DriverId = context.Vehicle.DriverId,
            GroupIds = context.Vehicle.GroupIds ?? [],
            Plate = context.Vehicle.Plate,
            Name = context.Vehicle.Name,
            Tariff = context.Company?.Tariff,
            Lat = m.Lat,
            Lon = m.Lon,
            Speed = m.HasSpeedKmh ? m.SpeedKmh : null,
            Heading = m.HasHeading ? m.Heading : null,
            Altitude = m.HasAltitudeM ? m.AltitudeM : null,
            Ignition = m.HasIgnition ? m.Ignition : null,
            Fuel = m.HasFuelL ? m.FuelL : null,
            Odometer = m.HasOdometerKm ? m.OdometerKm : null,
            Satellites = m.HasSatellites ? m.Satellites : null,
            Alarm = string.IsNullOrEmpty(m.Alarm) ? null : m.Alarm,
            DeviceTime = point.DeviceTime,
            ServerTime = point.ServerTime,
            ProcessedTime = processed,
        };
    }
}
