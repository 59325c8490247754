namespace Fleet.Ingestion.Protocols;

/// <summary>
/// One decoded position in Fleet units: degrees WGS84, km/h, degrees from north, metres, UTC.
/// Decoders convert knots, miles, 1e-7 degrees etc. themselves.
/// </summary>
public sealed record TelemetryPoint
{
    public required DateTimeOffset DeviceTime { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    /// <summary>True when the device reports a valid GNSS fix.</summary>
    public bool Valid { get; init; } = true;
    public double? SpeedKmh { get; init; }
    public double? Heading { get; init; }
    public double? AltitudeM { get; init; }
    public int? Satellites { get; init; }
    public double? Hdop { get; init; }
    public bool? Ignition { get; init; }
    /// <summary>Litres.</summary>
    public double? FuelL { get; init; }
    /// <summary>Kilometres (total odometer as the device reports it).</summary>
    public double? OdometerKm { get; init; }
    /// <summary>Device alarm kind in lower camel case ("sos", "powerCut", "vibration", "overspeed", ...), null when none.</summary>
    public string? Alarm { get; init; }
    /// <summary>Everything else the device sent, numeric (IO elements, voltages, ...). Keys: lower camel case or "io{id}".</summary>
    public IReadOnlyDictionary<string, double> Attributes { get; init; } = EmptyAttributes;

    public static readonly IReadOnlyDictionary<string, double> EmptyAttributes = new Dictionary<string, double>();
}
