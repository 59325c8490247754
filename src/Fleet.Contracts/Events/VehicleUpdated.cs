namespace Fleet.Contracts.Events;

/// <summary><c>vehicle.updated</c> value (CONTRACTS.md §2).</summary>
public sealed record VehicleUpdated(
    string Id,
    long Version,
    string CompanyId,
    string? DeviceId,
    string? Plate,
    string? Name,
    IReadOnlyList<string>? GroupIds,
    string? DriverId);
