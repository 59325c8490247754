namespace Fleet.Trajectory.Analysis;

/// <summary>Daily summaries, or the reason none could be made (e.g. unknown time zone id).</summary>
public sealed record DailySummaryResult(IReadOnlyList<DailySummary> Days, string? Error)
{
    public bool IsSuccess => Error is null;
}
