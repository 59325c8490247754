namespace Fleet.Trajectory.Analysis.Pieces;

/// <summary>
/// The state at a day's two ends that the next day's first leg and events depend on.
/// </summary>
/// <param name="First">First cleaned point.</param>
/// <param name="Last">Last cleaned point.</param>
/// <param name="DriftAnchor">The last position distance was counted from (drift is measured against it).</param>
/// <param name="FirstRecordTime">First de-duplicated record, fix or not (offline/online events).</param>
/// <param name="LastRecordTime">Last de-duplicated record.</param>
/// <param name="FirstIgnition">First reported ignition state, when, and the day's last trusted position then; the day alone
/// takes it as a baseline, not a change.</param>
/// <param name="LastIgnition">Last reported ignition state.</param>
internal sealed record DayPieceEdges(
    HistoryPoint? First,
    HistoryPoint? Last,
    HistoryPoint? DriftAnchor,
    DateTimeOffset? FirstRecordTime,
    DateTimeOffset? LastRecordTime,
    TrackEvent? FirstIgnition,
    bool? LastIgnition)
{
    public static DayPieceEdges None { get; } = new(null, null, null, null, null, null, null);
}
