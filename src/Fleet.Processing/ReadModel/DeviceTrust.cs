namespace Fleet.Processing.ReadModel;

/// <summary>Value of a <c>fleet:devices</c> field, read by Ingestion (docs/redis-layout.md "Device trust").</summary>
internal sealed record DeviceTrust(bool Enabled, string? TokenSha256, long Version);
