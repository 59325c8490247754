using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Fleet.Trajectory.Apis;

/// <summary>
/// RFC 4180 CSV of report rows: a header of the JSON property names (camelCase, declaration order) and invariant
/// values — times as ISO 8601 UTC, dates as yyyy-MM-dd — so a CSV row carries exactly what the JSON item carries.
/// </summary>
internal static class CsvFormatter
{
    public static string Format<T>(IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var text = new StringBuilder();
        text.AppendJoin(',', properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', properties.Select(p => Field(p.GetValue(row)))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
