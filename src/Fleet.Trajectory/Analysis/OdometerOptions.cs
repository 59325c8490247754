namespace Fleet.Trajectory.Analysis;

/// <summary>When the device odometer is trusted over GPS distance.</summary>
public sealed record OdometerOptions
{
    /// <summary>Allowed relative difference between odometer and GPS distance (total and per increment).</summary>
    public double RelativeTolerance { get; init; } = 0.10;

    /// <summary>Allowed absolute difference, km; covers odometer resolution (often 0.1 or 1 km) on short periods.</summary>
    public double AbsoluteToleranceKm { get; init; } = 1.0;

    /// <summary>A decrease larger than this is a reset (smaller ones are rounding jitter of a float odometer).</summary>
    public double DecreaseToleranceKm { get; init; } = 0.01;

    public static OdometerOptions Default { get; } = new();
}
