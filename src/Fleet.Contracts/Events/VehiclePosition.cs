namespace Fleet.Contracts.Events;

/// <summary>
/// <c>vehicle.positions</c> value: one enriched point, JSON, key = vehicle id (CONTRACTS.md §3).
/// Units: degrees, km/h, degrees from north, metres, litres, km; times UTC.
/// </summary>
public sealed record VehiclePosition
{
    public required string VehicleId { get; init; }
    public required string DeviceId { get; init; }
    public required string CompanyId { get; init; }
    public string? DriverId { get; init; }
    public IReadOnlyList<string> GroupIds { get; init; } = [];
    public string? Plate { get; init; }
    public string? Name { get; init; }
    public string? Tariff { get; init; }
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public double? Speed { get; init; }
    public double? Heading { get; init; }
    public double? Altitude { get; init; }
    public bool? Ignition { get; init; }
    public double? Fuel { get; init; }
    public double? Odometer { get; init; }
    public int? Satellites { get; init; }
    public string? Alarm { get; init; }
    public required DateTimeOffset DeviceTime { get; init; }
    public required DateTimeOffset ServerTime { get; init; }
    /// <summary>When Processing published the point; lets consumers measure their lag.</summary>
    public DateTimeOffset ProcessedTime { get; init; }
}
