namespace Fleet.Trajectory.Routes;

/// <summary>The part of a period inside one local day; <paramref name="WholeDay"/> is set when it covers the whole day.</summary>
internal sealed record DaySlice(DateTimeOffset From, DateTimeOffset To, DateOnly? WholeDay);
