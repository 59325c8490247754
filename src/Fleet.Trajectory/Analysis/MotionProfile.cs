namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Per-point motion classification and per-leg timing shared by trips, route and daily summaries.
/// Leg i joins point i-1 and point i. A leg where motion starts or ends gets an estimated transition time: the moving
/// end is assumed to have covered the leg at its reported speed (departure = moving point time - leg / speed), clamped to
/// the leg. This keeps start/stop times accurate even when a parked device reports only every few minutes.
/// </summary>
internal sealed class MotionProfile
{
    private MotionProfile(int count)
    {
        Moving = new bool[count];
        IsGap = new bool[count];
        Transition = new DateTimeOffset[count];
        MovingSeconds = new double[count];
    }

    public bool[] Moving { get; }

    /// <summary>Leg i is a data gap longer than <see cref="TripOptions.GapSeconds"/>.</summary>
    public bool[] IsGap { get; }

    /// <summary>Estimated instant of a still/moving change on leg i (only meaningful where classification changes).</summary>
    public DateTimeOffset[] Transition { get; }

    /// <summary>Seconds of leg i spent moving; zero for gaps and standing legs.</summary>
    public double[] MovingSeconds { get; }

    public static MotionProfile Build(IReadOnlyList<CleanPoint> points, TripOptions options)
    {
        var profile = new MotionProfile(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i].Point;
            profile.Moving[i] = !(options.UseIgnition && p.Ignition == false) && p.Speed >= options.SpeedThresholdKmh;
        }

        for (var i = 1; i < points.Count; i++)
        {
            var from = points[i - 1].Point;
            var to = points[i].Point;
            var seconds = (to.Time - from.Time).TotalSeconds;
            profile.Transition[i] = to.Time;
            if (seconds > options.GapSeconds)
            {
                profile.IsGap[i] = true;
                continue;
            }

            var leg = points[i].LegMetres;
            (profile.MovingSeconds[i], profile.Transition[i]) = (profile.Moving[i - 1], profile.Moving[i]) switch
            {
                (true, true) => (seconds, to.Time),
                (false, true) => Departure(from, to, leg),
                (true, false) => Arrival(from, to, leg),
                _ => (0.0, to.Time),
            };
        }

        return profile;
    }

    internal static (double Moving, DateTimeOffset At) Departure(HistoryPoint still, HistoryPoint moving, double legMetres)
    {
        var total = (moving.Time - still.Time).TotalSeconds;
        var travel = Math.Clamp(legMetres / Math.Max(moving.Speed / 3.6, 0.1), 0, total);
        return (travel, moving.Time.AddSeconds(-travel));
    }

    internal static (double Moving, DateTimeOffset At) Arrival(HistoryPoint moving, HistoryPoint still, double legMetres)
    {
        var total = (still.Time - moving.Time).TotalSeconds;
        var travel = Math.Clamp(legMetres / Math.Max(moving.Speed / 3.6, 0.1), 0, total);
        return (travel, moving.Time.AddSeconds(travel));
    }
}
