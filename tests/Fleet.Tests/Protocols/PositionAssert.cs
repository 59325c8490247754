using Fleet.Ingestion.Protocols;

namespace Fleet.Tests.Protocols;

/// <summary>Range checks every decoded point must pass, whatever the protocol.</summary>
public static class PositionAssert
{
    public static void Valid(TelemetryPoint p)
    {
        ArgumentNullException.ThrowIfNull(p);
        Assert.InRange(p.Latitude, -90.0, 90.0);
        Assert.InRange(p.Longitude, -180.0, 180.0);
        if (p.SpeedKmh is { } speed)
        {
            Assert.True(speed >= 0, $"speed {speed} is negative");
        }

        if (p.Heading is { } heading)
        {
            Assert.InRange(heading, 0.0, 360.0);
        }

        Assert.True(p.DeviceTime < DateTimeOffset.UtcNow.AddHours(25), $"device time {p.DeviceTime:O} is in the future");
    }
}
