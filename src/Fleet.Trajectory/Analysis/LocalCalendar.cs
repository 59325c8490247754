namespace Fleet.Trajectory.Analysis;

/// <summary>Local days of a time zone as UTC intervals, DST-aware. Remembers the last day's bounds: tracks are time
/// ordered, so nearly every lookup hits it and skips the zone conversion.</summary>
internal sealed class LocalCalendar(TimeZoneInfo zone)
{
    private DateOnly cachedDay;
    private DateTimeOffset cachedStart = DateTimeOffset.MaxValue;
    private DateTimeOffset cachedEnd = DateTimeOffset.MinValue;

    public DateOnly DayOf(DateTimeOffset instant)
    {
        if (instant >= cachedStart && instant < cachedEnd)
        {
            return cachedDay;
        }

        cachedDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        cachedStart = StartOf(cachedDay);
        cachedEnd = StartOf(cachedDay.AddDays(1));
        return cachedDay;
    }

    /// <summary>The instant the given local day starts. A midnight skipped by a DST jump starts at the first valid minute.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// Spreads a quantity accrued uniformly over [from, to] onto the local days it touches, in proportion to time.
    /// </summary>
    public void Split(DateTimeOffset from, DateTimeOffset to, double quantity, Action<DateOnly, double> add)
    {
        var total = (to - from).TotalSeconds;
        var day = DayOf(from);
        if (total <= 0 || DayOf(to) == day)
        {
            add(day, quantity);
            return;
        }

        var cursor = from;
        while (cursor < to)
        {
            var next = StartOf(day.AddDays(1));
            var end = next < to ? next : to;
            add(day, quantity * (end - cursor).TotalSeconds / total);
            cursor = end;
            day = day.AddDays(1);
        }
    }
}
