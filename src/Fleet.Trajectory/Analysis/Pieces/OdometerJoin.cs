namespace Fleet.Trajectory.Analysis.Pieces;

/// <summary>Adds up days' odometer spans in order, checking the step from one day's last reading to the next day's first.</summary>
internal sealed class OdometerJoin(OdometerOptions options)
{
    private int _count;
    private double _firstKm, _firstMetres, _lastKm, _lastMetres;
    private string? _inconsistency;

    public OdometerSpan Span => new(_count, _firstKm, _firstMetres, _lastKm, _lastMetres, _inconsistency);

    /// <param name="span">The day's readings.</param>
    /// <param name="offsetMetres">GPS metres counted before the day's first point.</param>
    public void Add(OdometerSpan span, double offsetMetres)
    {
        if (span.ReadingCount == 0)
        {
            return;
        }

        var firstMetres = offsetMetres + span.FirstCumulativeMetres;
        if (_count == 0)
        {
            (_firstKm, _firstMetres) = (span.FirstKm, firstMetres);
        }
        else
        {
            _inconsistency ??= DistanceCalculator.Increment(_lastKm, _lastMetres, span.FirstKm, firstMetres, options);
        }

        _inconsistency ??= span.Inconsistency;
        _count += span.ReadingCount;
        (_lastKm, _lastMetres) = (span.LastKm, offsetMetres + span.LastCumulativeMetres);
    }
}
