namespace Fleet.Trajectory.Analysis;

/// <summary>What <see cref="TrackCleaner"/> dropped and why, so a report can explain itself.</summary>
/// <param name="InputCount">Records received.</param>
/// <param name="Duplicates">Records sharing a timestamp with a kept record.</param>
/// <param name="InvalidFix">Records the device flagged as invalid.</param>
/// <param name="ZeroCoordinates">Records at exactly 0,0 (a classic "no fix" placeholder).</param>
/// <param name="OutOfRange">Records with coordinates outside WGS84 range or non-finite/negative values.</param>
/// <param name="Jumps">Points excluded as GPS jumps (impossible speed).</param>
/// <param name="Relocations">Confirmed relocations kept with a zero-distance connecting leg.</param>
/// <param name="DriftSuppressed">Kept points whose leg counts no distance because the vehicle was standing.</param>
/// <param name="KeptCount">Points in the cleaned track.</param>
public sealed record CleaningReport(
    int InputCount,
    int Duplicates,
    int InvalidFix,
    int ZeroCoordinates,
    int OutOfRange,
    int Jumps,
    int Relocations,
    int DriftSuppressed,
    int KeptCount);
