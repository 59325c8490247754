using Fleet.Ingestion.Pipeline;

namespace Fleet.Ingestion.Apis;

/// <summary>202 body of <c>POST /api/v1/telemetry</c> (CONTRACTS.md §1).</summary>
public sealed record TelemetryAccepted(int Accepted, IReadOnlyList<PointRejection> Rejected);
