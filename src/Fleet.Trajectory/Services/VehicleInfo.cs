namespace Fleet.Trajectory.Services;

/// <summary>What reports need of a vehicle from the read model: owner (for scoping) and the owner's time zone.</summary>
public sealed record VehicleInfo(string Id, string CompanyId, IReadOnlyList<string> GroupIds, string TimeZone);
