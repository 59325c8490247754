namespace Fleet.Trajectory.Analysis;

/// <summary>Knobs of <see cref="DailySummaryCalculator"/> beyond the trip options.</summary>
public sealed record DailySummaryOptions
{
    /// <summary>Motion threshold and data-gap length (gaps count no engine hours).</summary>
    public TripOptions Trips { get; init; } = TripOptions.Default;

    /// <summary>Fuel level changes within this band around the reference level are sensor noise/sloshing, litres.</summary>
    public double FuelNoiseLitres { get; init; } = 2;

    /// <summary>Odd window of the running median applied to fuel readings to remove single-sample spikes; 1 disables it.</summary>
    public int FuelMedianWindow { get; init; } = 5;

    public static DailySummaryOptions Default { get; } = new();
}
