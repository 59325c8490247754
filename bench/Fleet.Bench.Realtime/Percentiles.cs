using System.Globalization;

namespace Fleet.Bench.Realtime;

/// <summary>Percentiles of recorded milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(List<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        return values[Math.Clamp((int)Math.Ceiling(percentile / 100 * values.Count) - 1, 0, values.Count - 1)];
    }

    public static string Format(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
}
