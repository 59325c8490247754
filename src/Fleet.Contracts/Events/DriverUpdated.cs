namespace Fleet.Contracts.Events;

/// <summary><c>driver.updated</c> value (CONTRACTS.md §2).</summary>
public sealed record DriverUpdated(string Id, long Version, string CompanyId, string Name, string? Phone);
