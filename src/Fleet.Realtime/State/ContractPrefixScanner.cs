using System.Buffers;
using System.Buffers.Text;
using System.Text.Unicode;

namespace Fleet.Realtime.State;

/// <summary>
/// The fast path of <see cref="SnapshotItemCopier"/>: checks that a stored value starts exactly as Processing writes
/// it — the 15 contract properties in contract order, each with a JSON value of its contract type, in valid UTF-8 —
/// and finds what the filter needs, with vectorised searches instead of a full tokeniser (measured: the
/// <see cref="System.Text.Json.Utf8JsonReader"/> pass was most of the snapshot's copy time). Anything else (another
/// order, an escaped company id, an unusual value) answers false and takes the general path, so the copied prefix is
/// always well-formed JSON.
/// </summary>
public static class ContractPrefixScanner
{
    private enum Kind { String, StringOrNull, Number, NumberOrNull, BoolOrNull, StringArray }

    private static readonly byte[][] Names =
    [
        "{\"vehicleId\":"u8.ToArray(), ",\"deviceId\":"u8.ToArray(), ",\"companyId\":"u8.ToArray(), ",\"driverId\":"u8.ToArray(),
        ",\"groupIds\":"u8.ToArray(), ",\"plate\":"u8.ToArray(), ",\"name\":"u8.ToArray(), ",\"lat\":"u8.ToArray(),
        ",\"lon\":"u8.ToArray(), ",\"speed\":"u8.ToArray(), ",\"heading\":"u8.ToArray(), ",\"ignition\":"u8.ToArray(),
        ",\"fuel\":"u8.ToArray(), ",\"deviceTime\":"u8.ToArray(), ",\"status\":"u8.ToArray(),
    ];

    private static readonly Kind[] Kinds =
    [
        Kind.String, Kind.StringOrNull, Kind.String, Kind.StringOrNull, Kind.StringArray, Kind.StringOrNull, Kind.StringOrNull,
        Kind.Number, Kind.Number, Kind.NumberOrNull, Kind.NumberOrNull, Kind.BoolOrNull, Kind.NumberOrNull, Kind.StringOrNull, Kind.String,
    ];

    /// <summary>The bytes that end or interrupt a plain run inside a JSON string: quote, backslash, control characters.</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    /// <summary>What the filter reads from a value in Processing's shape.</summary>
    public readonly record struct Fields(double Lat, double Lon, Range CompanyId, Range GroupIds, int PrefixEnd);

    /// <summary>
    /// True when <paramref name="stored"/> starts with the contract properties in order; <see cref="Fields.PrefixEnd"/>
    /// is then where <c>status</c>'s value ends, <see cref="Fields.CompanyId"/> the company id's unescaped text.
    /// </summary>
    public static bool TryScan(ReadOnlySpan<byte> stored, out Fields fields)
    {
        fields = default;
        var (position, lat, lon, company, groups) = (0, 0d, 0d, default(Range), default(Range));
        for (var i = 0; i < Names.Length; i++)
        {
            if (!stored[position..].StartsWith(Names[i]))
            {
                return false;
            }

            position += Names[i].Length;
            var start = position;
            if (!TryValue(stored, ref position, Kinds[i]))
            {
                return false;
            }

            switch (i)
            {
                case 2 when stored[start..position].Contains((byte)'\\'):
                    return false; // an escaped company id is compared by the general path
                case 2:
                    company = new Range(start + 1, position - 1);
                    break;
                case 4:
                    groups = new Range(start, position);
                    break;
                case 7 when !Utf8Parser.TryParse(stored[start..position], out lat, out _):
                case 8 when !Utf8Parser.TryParse(stored[start..position], out lon, out _):
                    return false;
            }
        }

        if (position >= stored.Length || stored[position] is not ((byte)',' or (byte)'}') || !Utf8.IsValid(stored[..position]))
        {
            return false;
        }

        fields = new Fields(lat, lon, company, groups, position);
        return true;
    }

    private static bool TryValue(ReadOnlySpan<byte> json, ref int position, Kind kind)
    {
        if (position >= json.Length)
        {
            return false;
        }

        if (kind is Kind.StringOrNull or Kind.NumberOrNull or Kind.BoolOrNull && Literal(json, ref position, "null"u8))
        {
            return true;
        }

        return kind switch
        {
            Kind.String or Kind.StringOrNull => TryString(json, ref position),
            Kind.Number or Kind.NumberOrNull => TryNumber(json, ref position),
            Kind.BoolOrNull => Literal(json, ref position, "true"u8) || Literal(json, ref position, "false"u8),
            _ => TryStringArray(json, ref position),
        };
    }

    private static bool Literal(ReadOnlySpan<byte> json, ref int position, ReadOnlySpan<byte> literal)
    {
        if (!json[position..].StartsWith(literal))
        {
            return false;
        }

        position += literal.Length;
        return true;
    }

    private static bool TryStringArray(ReadOnlySpan<byte> json, ref int position)
    {
        if (json[position] != '[')
        {
            return false;
        }

        position++;
        if (position < json.Length && json[position] == ']')
        {
            position++;
            return true;
        }

        while (TryString(json, ref position) && position < json.Length)
        {
            var separator = json[position++];
            if (separator == ']')
            {
                return true;
            }

            if (separator != ',')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A JSON string with valid escapes and no raw control characters.</summary>
    private static bool TryString(ReadOnlySpan<byte> json, ref int position)
    {
        if (position >= json.Length || json[position] != '"')
        {
            return false;
        }

        position++;
        while (true)
        {
            var stop = json[position..].IndexOfAny(StringStops);
            if (stop < 0)
            {
                return false;
            }

            position += stop;
            switch (json[position])
            {
                case (byte)'"':
                    position++;
                    return true;
                case (byte)'\\' when position + 1 < json.Length && json[position + 1] is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    position += 2;
                    break;
                case (byte)'\\' when position + 5 < json.Length && json[position + 1] == 'u' && IsHex(json.Slice(position + 2, 4)):
                    position += 6;
                    break;
                default:
                    return false; // a raw control character or a bad escape
            }
        }
    }

    private static bool IsHex(ReadOnlySpan<byte> digits) => !digits.ContainsAnyExcept(HexDigits);

    /// <summary>JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static bool TryNumber(ReadOnlySpan<byte> json, ref int position)
    {
        var p = position;
        if (p < json.Length && json[p] == '-')
        {
            p++;
        }

        if (p < json.Length && json[p] == '0')
        {
            p++;
        }
        else if (!Digits(json, ref p))
        {
            return false;
        }

        if (p < json.Length && json[p] == '.')
        {
            p++;
            if (!Digits(json, ref p))
            {
                return false;
            }
        }

        if (p < json.Length && json[p] is (byte)'e' or (byte)'E')
        {
            p++;
            if (p < json.Length && json[p] is (byte)'+' or (byte)'-')
            {
                p++;
            }

            if (!Digits(json, ref p))
            {
                return false;
            }
        }

        position = p;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> json, ref int position)
    {
        var start = position;
        while (position < json.Length && json[position] is >= (byte)'0' and <= (byte)'9')
        {
            position++;
        }

        return position > start;
    }
}
