namespace Fleet.Trajectory.Routes;

/// <summary>A cached day piece and the fingerprint of the history it was computed from.</summary>
internal sealed record StoredDayRoute(DateOnly LocalDate, long FingerprintCount, long FingerprintMaxServerTimeMs, byte[] Piece);
