namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>Builds the Fleet point from a parsed GPS block plus message-specific extras.</summary>
internal static class Gt06Points
{
    public static TelemetryPoint Create(Gt06GpsFix fix, bool? ignition, string? alarm, Dictionary<string, double> attributes) => new()
    {
        DeviceTime = fix.Time,
        Latitude = fix.Latitude,
        Longitude = fix.Longitude,
        Valid = fix.Valid,
        SpeedKmh = fix.SpeedKmh,
        Heading = fix.Heading,
        Satellites = fix.Satellites,
        Ignition = ignition,
        Alarm = alarm,
        Attributes = attributes.Count == 0 ? TelemetryPoint.EmptyAttributes : attributes,
    };
}
