using Fleet.Ingestion.Protocols;

namespace Fleet.Ingestion.Pipeline;

/// <summary>One decoded point with its device and its position in the frame or batch (for "rejected" answers).</summary>
public readonly record struct PointToPublish(int Index, string? DeviceId, TelemetryPoint Point);
