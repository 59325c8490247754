namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Removes GPS jumps by keeping a chain of mutually plausible points.
/// A point that is implausible from the last accepted point opens a "pending" chain. The pending chain is dropped as soon
/// as a later point fits the accepted chain again (jump and return). It wins instead when it grows to
/// <see cref="CleaningOptions.ConfirmationPoints"/> points while the accepted chain is still shorter than that (the FIRST
/// point was the bad one), or when it also lasts <see cref="CleaningOptions.RelocationMinSeconds"/> (a real relocation,
/// kept with a zero-distance connecting leg). A long gap with a plausible speed is never a jump.
/// </summary>
internal static class JumpFilter
{
    /// <summary>Result: accepted points, indices in <c>Accepted</c> where a relocation starts, dropped count.</summary>
    internal sealed record Result(IReadOnlyList<HistoryPoint> Accepted, IReadOnlySet<int> RelocationStarts, int Jumps);

    public static Result Apply(IReadOnlyList<HistoryPoint> sorted, CleaningOptions options)
    {
        var accepted = new List<HistoryPoint>(sorted.Count);
        var pending = new List<HistoryPoint>();
        var relocations = new HashSet<int>();
        var confirm = Math.Max(1, options.ConfirmationPoints);
        var jumps = 0;

        foreach (var point in sorted)
        {
            if (accepted.Count == 0 || IsPlausible(accepted[^1], point, options))
            {
                jumps += pending.Count;
                pending.Clear();
                accepted.Add(point);
                continue;
            }

            if (pending.Count == 0 || !IsPlausible(pending[^1], point, options))
            {
                jumps += pending.Count;
                pending.Clear();
            }

            pending.Add(point);
            if (pending.Count < confirm)
            {
                continue;
            }

            if (accepted.Count < confirm)
            {
                // The accepted chain never got confirmed: it was the outlier (typically a bad first fix).
                jumps += accepted.Count;
                accepted.Clear();
                relocations.Clear();
                accepted.AddRange(pending);
                pending.Clear();
            }
            else if ((pending[^1].Time - pending[0].Time).TotalSeconds >= options.RelocationMinSeconds)
            {
                relocations.Add(accepted.Count);
                accepted.AddRange(pending);
                pending.Clear();
            }
        }

        if (pending.Count > accepted.Count)
        {
            (accepted, pending) = (pending, accepted);
            relocations.Clear();
        }

        jumps += pending.Count;
        return new Result(accepted, relocations, jumps);
    }

    internal static bool IsPlausible(HistoryPoint from, HistoryPoint to, CleaningOptions options)
    {
        var metres = GeoMath.HaversineMetres(from, to);
        if (metres <= options.JumpMinDistanceMetres)
        {
            return true;
        }

        var seconds = (to.Time - from.Time).TotalSeconds;
        return seconds > 0 && GeoMath.KmhFrom(metres, seconds) <= options.MaxSpeedKmh;
    }
}
