namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Per local day totals of one vehicle in a given time zone. Distance, moving time and engine time of a leg that crosses
/// local midnight are split between the days in proportion to time (linear interpolation of the crossing leg).
/// Engine hours use all records (ignition does not need a GPS fix) and hold each record's ignition state until the next
/// record, except across data gaps longer than <see cref="TripOptions.GapSeconds"/>, which count nothing.
/// </summary>
public static class DailySummaryCalculator
{
    public static DailySummaryResult Compute(CleanedTrack track, string timeZoneId, DailySummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (string.IsNullOrWhiteSpace(timeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            return new DailySummaryResult([], $"unknown time zone '{timeZoneId}'");
        }

        return new DailySummaryResult(Compute(track, zone, options), null);
    }

    public static IReadOnlyList<DailySummary> Compute(CleanedTrack track, TimeZoneInfo zone, DailySummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(zone);
        options ??= DailySummaryOptions.Default;
        var calendar = new LocalCalendar(zone);
        var days = new SortedDictionary<DateOnly, DayTotals>();
        DayTotals At(DateOnly day) => days.TryGetValue(day, out var totals) ? totals : days[day] = new DayTotals();

        AddMotion(track.Points, MotionProfile.Build(track.Points, options.Trips), calendar, At);
        AddEngineTime(track.Records, options.Trips.GapSeconds, calendar, At);
        foreach (var (time, litres) in FuelConsumption.Drops(track.Records, options.FuelNoiseLitres, options.FuelMedianWindow))
        {
            At(calendar.DayOf(time)).FuelLitres += litres;
        }

        return days.Select(pair => pair.Value.ToSummary(pair.Key)).ToList();
    }

    private static void AddMotion(
        IReadOnlyList<CleanPoint> points, MotionProfile profile, LocalCalendar calendar, Func<DateOnly, DayTotals> at)
    {
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var totals = at(calendar.DayOf(point.Point.Time));
            totals.MaxSpeed = Math.Max(totals.MaxSpeed, point.Point.Speed);
            if (i == 0)
            {
                continue;
            }

            var from = points[i - 1].Point.Time;
            var to = point.Point.Time;
            if (calendar.DayOf(from) == calendar.DayOf(to))
            {
                // Nearly every leg stays within one local day: add directly, no per-leg delegates.
                totals.Metres += point.LegMetres;
                if (profile.MovingSeconds[i] > 0)
                {
                    totals.MovingMetres += point.LegMetres;
                    totals.MovingSeconds += profile.MovingSeconds[i];
                }

                continue;
            }

            calendar.Split(from, to, point.LegMetres, (day, metres) => at(day).Metres += metres);
            if (profile.MovingSeconds[i] > 0)
            {
                calendar.Split(from, to, point.LegMetres, (day, metres) => at(day).MovingMetres += metres);
                calendar.Split(from, to, profile.MovingSeconds[i], (day, seconds) => at(day).MovingSeconds += seconds);
            }
        }
    }

    private static void AddEngineTime(
        IReadOnlyList<HistoryPoint> records, double gapSeconds, LocalCalendar calendar, Func<DateOnly, DayTotals> at)
    {
        for (var i = 1; i < records.Count; i++)
        {
            var from = records[i - 1];
            var seconds = (records[i].Time - from.Time).TotalSeconds;
            if (from.Ignition == true && seconds <= gapSeconds && calendar.DayOf(from.Time) == calendar.DayOf(records[i].Time))
            {
                at(calendar.DayOf(from.Time)).EngineSeconds += seconds;
            }
            else if (from.Ignition == true && seconds <= gapSeconds)
            {
                calendar.Split(from.Time, records[i].Time, seconds, (day, share) => at(day).EngineSeconds += share);
            }
        }
    }
}
