namespace Fleet.History;

/// <summary>
/// One stored point. Identity = (<see cref="VehicleId"/>, <see cref="DeviceId"/>, <see cref="DeviceTime"/>): writing the
/// same point twice stores it once. Points of a device bound to no vehicle are stored with
/// <see cref="VehicleId"/> = <see cref="UnboundVehicle"/>, so they are kept (and queryable per device) but never on a map.
/// Units: degrees, km/h, degrees from north, metres, litres, km; times UTC.
/// </summary>
public sealed record HistoryRecord
{
    public const string UnboundVehicle = "";

    public required string VehicleId { get; init; }
    public required string DeviceId { get; init; }
    public string CompanyId { get; init; } = "";
    public required DateTimeOffset DeviceTime { get; init; }
    public required DateTimeOffset ServerTime { get; init; }
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public bool Valid { get; init; } = true;
    public double? Speed { get; init; }
    public double? Heading { get; init; }
    public double? Altitude { get; init; }
    public int? Satellites { get; init; }
    public double? Hdop { get; init; }
    public bool? Ignition { get; init; }
    public double? Fuel { get; init; }
    public double? Odometer { get; init; }
    /// <summary>Device alarm kind, empty when none.</summary>
    public string Alarm { get; init; } = "";
    /// <summary>Other numeric attributes as JSON (<c>{"power":12.6}</c>), empty when none.</summary>
    public string AttributesJson { get; init; } = "";
}
