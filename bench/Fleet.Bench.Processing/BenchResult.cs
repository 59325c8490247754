namespace Fleet.Bench.Processing;

/// <summary>One measured phase: wall time, rate and process CPU time.</summary>
internal sealed record BenchResult(long Count, double Seconds, double CpuSeconds)
{
    public double Rate => Count / Seconds;
}
