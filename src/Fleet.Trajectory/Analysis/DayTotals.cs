namespace Fleet.Trajectory.Analysis;

/// <summary>Mutable accumulator of one local day while summing.</summary>
internal sealed class DayTotals
{
    public double Metres { get; set; }

    public double MovingMetres { get; set; }

    public double MovingSeconds { get; set; }

    public double EngineSeconds { get; set; }

    public double MaxSpeed { get; set; }

    public double FuelLitres { get; set; }

    public DailySummary ToSummary(DateOnly day) => new(
        day,
        Metres / 1000.0,
        EngineSeconds / 3600.0,
        MaxSpeed,
        GeoMath.KmhFrom(MovingMetres, MovingSeconds),
        FuelLitres);
}
