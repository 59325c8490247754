namespace Fleet.Ingestion.Devices;

/// <summary>A <c>fleet:devices</c> hash value (docs/redis-layout.md): written by Processing from <c>device.updated</c>.</summary>
public sealed record DeviceEntry(bool Enabled, string? TokenSha256, long Version);
