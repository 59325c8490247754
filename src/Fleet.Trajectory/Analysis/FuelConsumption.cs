namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Fuel used from a noisy level sensor. Readings are smoothed with a running median (kills single-sample sloshing
/// spikes), then compared with a reference level: a fall of more than the noise band is consumption (reference follows it
/// down), a rise of more than the band is a refuel (nothing consumed, reference jumps up), anything inside the band is
/// ignored. Around a refuel the levels are read from one-sided medians (readings before / after the rise only), because
/// a centred median straddling the step is biased towards one side. A fall still inside the band is settled just before
/// a refuel and at the end of the period, so neither swallows up to one band of consumption.
/// Drops during data gaps (siphoning overnight) are counted.
/// </summary>
public static class FuelConsumption
{
    /// <summary>Consumption registered at each reading's time, litres.</summary>
    public static IReadOnlyList<(DateTimeOffset Time, double Litres)> Drops(
        IReadOnlyList<HistoryPoint> records, double noiseLitres, int medianWindow)
    {
        ArgumentNullException.ThrowIfNull(records);
        var readings = records.Where(r => r.Fuel is { } f && double.IsFinite(f) && f >= 0).ToList();
        var raw = readings.Select(r => r.Fuel!.Value).ToArray();
        var window = Math.Max(1, medianWindow);
        var drops = new List<(DateTimeOffset, double)>();
        if (raw.Length == 0)
        {
            return drops;
        }

        var smoothed = Enumerable.Range(0, raw.Length).Select(i => Median(raw, i - (window / 2), i + (window / 2))).ToArray();
        var reference = smoothed[0];
        for (var i = 1; i < smoothed.Length; i++)
        {
            var level = smoothed[i];
            if (level < reference - noiseLitres)
            {
                drops.Add((readings[i].Time, reference - level));
                reference = level;
            }
            else if (level > reference + noiseLitres)
            {
                Settle(drops, readings[i - 1].Time, reference - Median(raw, i - window, i - 1));
                reference = Median(raw, i, i + window - 1);
            }
        }

        Settle(drops, readings[^1].Time, reference - smoothed[^1]);
        return drops;
    }

    private static void Settle(List<(DateTimeOffset, double)> drops, DateTimeOffset time, double pendingLitres)
    {
        if (pendingLitres > 0)
        {
            drops.Add((time, pendingLitres));
        }
    }

    /// <summary>Median of values[from..to], clipped to the array.</summary>
    private static double Median(double[] values, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(values.Length - 1, to);
        var length = to - from + 1;
        // Called once or twice per reading: a small window sorts on the stack instead of allocating a slice each time.
        Span<double> slice = length <= 64 ? stackalloc double[length] : new double[length];
        values.AsSpan(from, length).CopyTo(slice);
        slice.Sort();
        var middle = slice.Length / 2;
        return slice.Length % 2 == 1 ? slice[middle] : (slice[middle - 1] + slice[middle]) / 2;
    }
}
