using System.Globalization;
using System.Text;

namespace Fleet.History.ClickHouse;

/// <summary>
/// Typed SQL literals for ClickHouse. 18.16 has no server-side query parameters, so values are bound here: strings
/// are quoted with every backslash and quote escaped, numbers are formatted invariantly.
/// </summary>
public static class ClickHouseLiteral
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append("\\\\"),
                '\'' => text.Append("\\'"),
                '\0' => text.Append("\\0"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ => text.Append(c),
            };
        }

        return text.Append('\'').ToString();
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
