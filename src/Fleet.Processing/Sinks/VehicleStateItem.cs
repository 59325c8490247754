namespace Fleet.Processing.Sinks;

/// <summary>
/// A <c>fleet:state</c> value: the snapshot item of CONTRACTS.md §4 plus <c>serverTime</c>. Times are written in one
/// fixed format (<see cref="TimeFormat"/>) so the state script can compare them as strings.
/// </summary>
internal sealed record VehicleStateItem
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public required string VehicleId { get; init; }
    public required string DeviceId { get; init; }
    public required string CompanyId { get; init; }
    public string? DriverId { get; init; }
    public IReadOnlyList<string> GroupIds { get; init; } = [];
    public string? Plate { get; init; }
    public string? Name { get; init; }
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public double? Speed { get; init; }
    public double? Heading { get; init; }
    public bool? Ignition { get; init; }
    public double? Fuel { get; init; }
    public required string DeviceTime { get; init; }
    public required string Status { get; init; }
    public required string ServerTime { get; init; }
}
