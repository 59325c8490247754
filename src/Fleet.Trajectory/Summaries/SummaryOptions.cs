namespace Fleet.Trajectory.Summaries;

/// <summary>Settings under <c>Trajectory:Summaries</c>: the materialized per vehicle-day summaries.</summary>
public sealed class SummaryOptions
{
    /// <summary>Serve whole local days of the summary report from <c>vehicle_day_summary</c> when their fingerprint still matches.</summary>
    public bool Materialize { get; set; } = true;

    /// <summary>Run <see cref="DaySummaryPrecomputeWorker"/> (tests switch it off unless they test it).</summary>
    public bool PrecomputeEnabled { get; set; } = true;

    /// <summary>How often the worker checks the closed days (cheap when nothing changed: one fingerprint query per zone).</summary>
    public TimeSpan PrecomputeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Closed local days the worker keeps warm, counting back from yesterday.</summary>
    public int PrecomputeDays { get; set; } = 1;

    /// <summary>Wait after a company's local midnight before computing the day just closed (lets late points of its last minutes arrive).</summary>
    public TimeSpan AfterMidnightDelay { get; set; } = TimeSpan.FromMinutes(5);
}
