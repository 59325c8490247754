namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Total order over records: time first, then usable fixes before unusable ones, then every field.
/// Being total makes "sort, keep the first record per timestamp" independent of input order.
/// </summary>
internal sealed class HistoryPointOrder : IComparer<HistoryPoint>
{
    public static HistoryPointOrder Instance { get; } = new();

    public int Compare(HistoryPoint? x, HistoryPoint? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = x.Time.UtcTicks.CompareTo(y.Time.UtcTicks);
        if (c != 0)
        {
            return c;
        }

        // Usable fixes first so a duplicate never hides the good copy of a position.
        c = TrackCleaner.IsUsable(y).CompareTo(TrackCleaner.IsUsable(x));
        if (c != 0)
        {
            return c;
        }

        c = x.Time.Offset.CompareTo(y.Time.Offset);
        c = c != 0 ? c : x.Lat.CompareTo(y.Lat);
        c = c != 0 ? c : x.Lon.CompareTo(y.Lon);
        c = c != 0 ? c : x.Speed.CompareTo(y.Speed);
        c = c != 0 ? c : Nullable.Compare(x.Heading, y.Heading);
        c = c != 0 ? c : Nullable.Compare(x.Altitude, y.Altitude);
        c = c != 0 ? c : Nullable.Compare(x.Ignition, y.Ignition);
        c = c != 0 ? c : Nullable.Compare(x.Fuel, y.Fuel);
        c = c != 0 ? c : Nullable.Compare(x.Satellites, y.Satellites);
        c = c != 0 ? c : x.Valid.CompareTo(y.Valid);
        c = c != 0 ? c : Nullable.Compare(x.OdometerKm, y.OdometerKm);
        return c != 0 ? c : string.CompareOrdinal(x.Alarm, y.Alarm);
    }
}
