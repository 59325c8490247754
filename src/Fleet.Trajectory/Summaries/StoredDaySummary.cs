using Fleet.Trajectory.Analysis;

namespace Fleet.Trajectory.Summaries;

/// <summary>
/// One row of <c>vehicle_day_summary</c>: the summary of a whole local day and the history fingerprint it was computed
/// from. <see cref="Summary"/> is null when the day has points but nothing to summarise (e.g. only invalid fixes, ignition off).
/// </summary>
public sealed record StoredDaySummary(
    string VehicleId, DateOnly LocalDate, string TimeZone, DailySummary? Summary, long FingerprintCount, long FingerprintMaxServerTimeMs);
