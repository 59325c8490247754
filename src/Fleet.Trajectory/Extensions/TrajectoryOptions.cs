using Fleet.Trajectory.Summaries;

namespace Fleet.Trajectory.Extensions;

/// <summary>Settings under <c>Trajectory</c>.</summary>
public sealed class TrajectoryOptions
{
    /// <summary>Longest from..to period one request may ask for; longer answers 400 naming this limit.</summary>
    public TimeSpan MaxPeriod { get; set; } = TimeSpan.FromDays(31);

    /// <summary>Route simplification tolerance when the request gives none, metres.</summary>
    public double DefaultToleranceMetres { get; set; } = 5;

    /// <summary>
    /// Local days kept in <c>vehicle_day_route</c>, counting back from today (the pre-compute pass deletes older pieces;
    /// a route over older days is analysed on request). A 5 m piece of a busy day is about 50 KB.
    /// </summary>
    public int RouteCacheDays { get; set; } = 31;

    /// <summary>Vehicle batches read and analysed at once for the fleet summary (each batch is one history query).</summary>
    public int SummaryParallelism { get; set; } = 4;

    /// <summary>Materialized per vehicle-day summaries (<c>Trajectory:Summaries</c>).</summary>
    public SummaryOptions Summaries { get; set; } = new();
}
