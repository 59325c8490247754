using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Fleet.Realtime.State;

/// <summary>
/// Copies one stored <c>fleet:state</c> value into a snapshot answer without building a <see cref="SnapshotItem"/>:
/// the reader finds each contract property's raw value, the filter reads only what it needs (lat, lon, company,
/// groups), and the writer emits the contract properties in contract order with those raw values. Anything else
/// the store carries (<c>serverTime</c>) is left out. Same rules as deserialising did: an entry without a string
/// <c>vehicleId</c> and <c>companyId</c> or numeric <c>lat</c>/<c>lon</c> is skipped; a missing <c>groupIds</c> is
/// <c>[]</c>, a missing <c>status</c> is <c>stopped</c>, any other missing property is <c>null</c>.
/// </summary>
public static class SnapshotItemCopier
{
    private static readonly JsonEncodedText[] Names =
    [
        JsonEncodedText.Encode("vehicleId"), JsonEncodedText.Encode("deviceId"), JsonEncodedText.Encode("companyId"),
        JsonEncodedText.Encode("driverId"), JsonEncodedText.Encode("groupIds"), JsonEncodedText.Encode("plate"),
        JsonEncodedText.Encode("name"), JsonEncodedText.Encode("lat"), JsonEncodedText.Encode("lon"),
        JsonEncodedText.Encode("speed"), JsonEncodedText.Encode("heading"), JsonEncodedText.Encode("ignition"),
        JsonEncodedText.Encode("fuel"), JsonEncodedText.Encode("deviceTime"), JsonEncodedText.Encode("status"),
    ];

    private const int VehicleId = 0;
    private const int CompanyId = 2;
    private const int GroupIds = 4;
    private const int Lat = 7;
    private const int Lon = 8;
    private const int Status = 14;

    private static readonly JsonEncodedText DefaultStatus = JsonEncodedText.Encode(VehicleStatus.Stopped);

    /// <summary>The contract's property names in contract order (what every written item holds).</summary>
    public static IReadOnlyList<string> PropertyNames { get; } = Names.Select(n => n.Value).ToArray();

    /// <summary>Writes the item when it is readable and matches the query; false when it was skipped.</summary>
    public static bool TryWrite(ReadOnlySpan<byte> stored, SnapshotQuery query, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(writer);
        if (ContractPrefixScanner.TryScan(stored, out var fields))
        {
            // The usual case, without a tokeniser: Processing's shape, checked by the scanner.
            if (!query.Box.Contains(fields.Lon, fields.Lat)
                || (query.Companies is { } companies && !companies.Contains(Encoding.UTF8.GetString(stored[fields.CompanyId])))
                || (query.Groups is { } groups && !AnyGroupIn(stored, fields.GroupIds, groups)))
            {
                return false;
            }

            WriteContractPrefix(stored[..fields.PrefixEnd], writer);
            return true;
        }

        return TryWriteGeneral(stored, query, writer);
    }

    private static bool TryWriteGeneral(ReadOnlySpan<byte> stored, SnapshotQuery query, Utf8JsonWriter writer)
    {
        Span<Range> values = stackalloc Range[Names.Length];
        values.Clear();
        (double Lat, double Lon, int ContractPrefixEnd) located;
        try
        {
            if (!TryLocate(stored, values, out located) || !Matches(stored, values, located, query))
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false; // A malformed entry is Processing's bug; the map shows the rest.
        }

        if (located.ContractPrefixEnd > 0)
        {
            WriteContractPrefix(stored[..located.ContractPrefixEnd], writer);
        }
        else
        {
            WriteProperties(stored, values, writer);
        }

        return true;
    }

    /// <summary>
    /// The stored object starts with exactly the contract properties in contract order (Processing writes them so,
    /// then <c>serverTime</c>), so those bytes plus a closing brace are the item.
    /// </summary>
    private static void WriteContractPrefix(ReadOnlySpan<byte> prefix, Utf8JsonWriter writer)
    {
        byte[]? rented = null;
        var item = prefix.Length < 1024 ? stackalloc byte[prefix.Length + 1] : (rented = ArrayPool<byte>.Shared.Rent(prefix.Length + 1)).AsSpan(0, prefix.Length + 1);
        prefix.CopyTo(item);
        item[^1] = (byte)'}';
        writer.WriteRawValue(item, skipInputValidation: true); // tokens a scanner or the reader validated
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void WriteProperties(ReadOnlySpan<byte> stored, Span<Range> values, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        for (var i = 0; i < Names.Length; i++)
        {
            writer.WritePropertyName(Names[i]);
            var value = values[i];
            if (!value.Equals(default(Range)))
            {
                writer.WriteRawValue(stored[value], skipInputValidation: true); // bytes of one token the reader validated
            }
            else if (i == GroupIds)
            {
                writer.WriteStartArray();
                writer.WriteEndArray();
            }
            else if (i == Status)
            {
                writer.WriteStringValue(DefaultStatus);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Finds the raw value of every contract property and reads lat/lon; false when the entry is not an object with
    /// the required ones. Stops at <c>status</c> when everything before it was the contract in order, and then gives
    /// where that prefix ends (0 otherwise).
    /// </summary>
    private static bool TryLocate(ReadOnlySpan<byte> stored, Span<Range> values, out (double Lat, double Lon, int ContractPrefixEnd) located)
    {
        located = default;
        var reader = new Utf8JsonReader(stored);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var (expected, seen, inOrder, complete) = (0, 0, true, false);
        var (lat, lon, hasLat, hasLon) = (0d, 0d, false, false);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(ref reader, expected);
            inOrder &= index == seen++;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            if (index == Lat)
            {
                hasLat = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out lat);
            }
            else if (index == Lon)
            {
                hasLon = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out lon);
            }

            reader.Skip(); // containers: to their end; a primitive stays where it is
            if (index >= 0)
            {
                values[index] = new Range(start, (int)reader.BytesConsumed);
                expected = index + 1;
            }

            if (inOrder && index == Status)
            {
                complete = true; // the contract prefix is known; what follows (serverTime) is not copied
                break;
            }
        }

        if (!complete && reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        located = (lat, lon, complete ? (int)reader.BytesConsumed : 0);
        return hasLat && hasLon && Is(stored, values[VehicleId], (byte)'"') && Is(stored, values[CompanyId], (byte)'"');
    }

    /// <summary>Processing writes the contract order, so the next expected name is tried first.</summary>
    private static int IndexOf(ref Utf8JsonReader reader, int expected)
    {
        if (expected < Names.Length && reader.ValueTextEquals(Names[expected].EncodedUtf8Bytes))
        {
            return expected;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (reader.ValueTextEquals(Names[i].EncodedUtf8Bytes))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Matches(ReadOnlySpan<byte> stored, Span<Range> values, (double Lat, double Lon, int ContractPrefixEnd) located, SnapshotQuery query)
    {
        if (!query.Box.Contains(located.Lon, located.Lat))
        {
            return false;
        }

        if (query.Companies is { } companies && !companies.Contains(ReadString(stored[values[CompanyId]])))
        {
            return false;
        }

        return query.Groups is not { } groups || AnyGroupIn(stored, values[GroupIds], groups);
    }

    private static bool AnyGroupIn(ReadOnlySpan<byte> stored, Range groupIds, IReadOnlySet<string> groups)
    {
        if (groupIds.Equals(default(Range)))
        {
            return false;
        }

        var reader = new Utf8JsonReader(stored[groupIds]);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String && groups.Contains(reader.GetString()!))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReadString(ReadOnlySpan<byte> token)
    {
        var reader = new Utf8JsonReader(token);
        reader.Read();
        return reader.GetString()!;
    }

    private static bool Is(ReadOnlySpan<byte> stored, Range value, byte first) =>
        !value.Equals(default(Range)) && stored[value][0] == first;

}
