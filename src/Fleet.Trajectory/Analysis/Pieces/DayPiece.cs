namespace Fleet.Trajectory.Analysis.Pieces;

/// <summary>
/// One day of a vehicle's route, analysed on that day's own points: the simplified line, the raw motion/standstill segments
/// (before short stops are absorbed and short trips demoted, which <see cref="DayPieceStitcher"/> does over all days at
/// once), the events, the totals and the edge points needed to join it to its neighbours exactly as one pass would.
/// </summary>
internal sealed record DayPiece(
    IReadOnlyList<RoutePoint> Vertices,
    IReadOnlyList<MotionSegment> Segments,
    IReadOnlyList<TrackEvent> Events,
    DayPieceTotals Totals,
    DayPieceEdges Edges,
    OdometerSpan Odometer)
{
    public static DayPiece Empty { get; } = new([], [], [], new DayPieceTotals(0, 0, 0, 0, 0), DayPieceEdges.None, new OdometerSpan(0, 0, 0, 0, 0, null));

    public bool HasPoints => Totals.CleanPointCount > 0;
}
