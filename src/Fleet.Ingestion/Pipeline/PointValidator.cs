using Fleet.Ingestion.Options;
using Fleet.Ingestion.Protocols;
using Microsoft.Extensions.Options;

namespace Fleet.Ingestion.Pipeline;

/// <summary>The gate's only logic: technical validation of one point (CONTRACTS.md §1). Returns a reason or null.</summary>
public sealed class PointValidator(IOptions<IngestionOptions> options)
{
    public const string MissingDeviceId = "missing device id";
    public const string LatitudeOutOfRange = "latitude out of range";
    public const string LongitudeOutOfRange = "longitude out of range";
    public const string ZeroPositionWithoutFix = "position 0,0 without a fix";
    public const string DeviceTimeInFuture = "device time in the future";
    public const string DeviceTimeTooOld = "device time too old";
    public const string SpeedOutOfRange = "speed out of range";
    public const string NotANumber = "value not a number";

    private readonly ValidationOptions _limits = options.Value.Validation;

    public string? Validate(string? deviceId, TelemetryPoint point, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (string.IsNullOrWhiteSpace(deviceId))
        {
            return MissingDeviceId;
        }

        if (!double.IsFinite(point.Latitude) || !double.IsFinite(point.Longitude))
        {
            return NotANumber;
        }

        if (point.Latitude is < -90 or > 90)
        {
            return LatitudeOutOfRange;
        }

        if (point.Longitude is < -180 or > 180)
        {
            return LongitudeOutOfRange;
        }

        if (point.Latitude == 0 && point.Longitude == 0 && !point.Valid)
        {
            return ZeroPositionWithoutFix;
        }

        if (point.DeviceTime > now + _limits.MaxFutureSkew)
        {
            return DeviceTimeInFuture;
        }

        if (point.DeviceTime < now - _limits.MaxPointAge)
        {
            return DeviceTimeTooOld;
        }

        if (point.SpeedKmh is { } speed && !(speed >= 0 && speed <= _limits.MaxSpeedKmh))
        {
            return SpeedOutOfRange;
        }

        return null;
    }
}
