using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Routes;
using Fleet.Trajectory.Services;
using Microsoft.Extensions.Options;

namespace Fleet.Trajectory.Summaries;

/// <summary>
/// Keeps the closed local days of every vehicle warm in <c>vehicle_day_summary</c> and, at the default tolerance, in
/// <c>vehicle_day_route</c>, so users normally hit stored rows: every
/// <see cref="SummaryOptions.PrecomputeInterval"/> and shortly after each company's local midnight it asks the materializer
/// for the last <see cref="SummaryOptions.PrecomputeDays"/> days — one fingerprint query per zone and nothing else when
/// nothing changed; late points make exactly their vehicle-days recompute.
/// </summary>
internal sealed partial class DaySummaryPrecomputeWorker(
    VehicleDirectory directory, DaySummaryMaterializer materializer, DayRoutes routes, IOptions<TrajectoryOptions> options, TimeProvider clock,
    ILogger<DaySummaryPrecomputeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Summaries;
        if (!settings.PrecomputeEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var zones = new List<TimeZoneInfo>();
            try
            {
                zones = await PrecomputeAsync(settings, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }

            await Task.Delay(NextDelay(zones, settings), clock, stoppingToken);
        }
    }

    /// <summary>One pass; returns the zones seen so the next wake-up can follow their midnights.</summary>
    public async Task<List<TimeZoneInfo>> PrecomputeAsync(SummaryOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var vehicles = await directory.ListAsync(null, [], cancellationToken);
        var zones = new List<TimeZoneInfo>();
        var routeDays = 0;
        foreach (var group in vehicles.GroupBy(v => SummaryTimeZones.Resolve(v.TimeZone).Zone))
        {
            zones.Add(group.Key);
            var calendar = new LocalCalendar(group.Key);
            var today = calendar.DayOf(clock.GetUtcNow());
            var period = new Period(calendar.StartOf(today.AddDays(-Math.Max(1, settings.PrecomputeDays))), calendar.StartOf(today));
            await materializer.SummarizeAsync([.. group], period, options.Value.SummaryParallelism, cancellationToken);
            routeDays += await routes.WarmAsync([.. group], calendar.DayOf(period.From), today, options.Value.DefaultToleranceMetres, cancellationToken);
        }

        await routes.ForgetBeforeAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-Math.Max(1, options.Value.RouteCacheDays)), cancellationToken);
        LogPass(vehicles.Count, zones.Count, routeDays);
        return zones;
    }

    private TimeSpan NextDelay(List<TimeZoneInfo> zones, SummaryOptions settings)
    {
        var now = clock.GetUtcNow();
        var next = now + settings.PrecomputeInterval;
        foreach (var zone in zones)
        {
            var calendar = new LocalCalendar(zone);
            var afterMidnight = calendar.StartOf(calendar.DayOf(now).AddDays(1)) + settings.AfterMidnightDelay;
            next = afterMidnight < next ? afterMidnight : next;
        }

        return next > now ? next - now : TimeSpan.FromSeconds(1);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily summaries and day routes of {Vehicles} vehicles in {Zones} time zone(s) checked; {RouteDays} day route(s) computed")]
    private partial void LogPass(int vehicles, int zones, int routeDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily summary pre-computation failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
