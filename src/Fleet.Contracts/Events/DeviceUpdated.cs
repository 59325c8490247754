namespace Fleet.Contracts.Events;

/// <summary><c>device.updated</c> value (CONTRACTS.md §2). <see cref="Protocol"/> is informational only.</summary>
public sealed record DeviceUpdated(string Id, long Version, bool Enabled, string? TokenSha256, string? Protocol);
