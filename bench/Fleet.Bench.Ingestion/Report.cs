using System.Globalization;

namespace Fleet.Bench.Ingestion;

/// <summary>Console output of the run: human lines plus machine-readable "metric name value" lines.</summary>
public static class Report
{
    public static void Line(string text) => Console.WriteLine("[bench] " + text);

    public static void Metric(string name, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"metric {name} {value:F1}"));
}
