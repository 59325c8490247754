namespace Fleet.Bench.Realtime;

/// <summary>One timed snapshot request: HTTP time (headers + the whole body received), the service's stages, and the GCs during it.</summary>
internal sealed record SnapshotSample(
    double TotalMs,
    double FirstByteMs,
    double CpuMs,
    IReadOnlyDictionary<string, double> Stages,
    int Gen0,
    int Gen1,
    int Gen2,
    double GcPauseMs);
