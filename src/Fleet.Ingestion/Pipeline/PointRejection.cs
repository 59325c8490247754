namespace Fleet.Ingestion.Pipeline;

/// <summary>An item of a frame or batch that was dropped, and why.</summary>
public sealed record PointRejection(int Index, string Reason);
