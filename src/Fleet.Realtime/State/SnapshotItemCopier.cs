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
        Span<Range> values = stackalloc Range[Names.Length];
        values.Clear();
        try
        {
            if (!TryLocate(stored, values) || !Matches(stored, values, query))
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false; // A malformed entry is Processing's bug; the map shows the rest.
        }

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
        return true;
    }

    /// <summary>Finds the raw value of every contract property; false when the entry is not an object with the required ones.</summary>
    private static bool TryLocate(ReadOnlySpan<byte> stored, Span<Range> values)
    {
        var reader = new Utf8JsonReader(stored);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(ref reader, expected);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip(); // containers: to their end; a primitive stays where it is
            if (index >= 0)
            {
                values[index] = new Range(start, (int)reader.BytesConsumed);
                expected = index + 1;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject
            && Is(stored, values[VehicleId], (byte)'"') && Is(stored, values[CompanyId], (byte)'"')
            && IsNumber(stored, values[Lat]) && IsNumber(stored, values[Lon]);
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

    private static bool Matches(ReadOnlySpan<byte> stored, Span<Range> values, SnapshotQuery query)
    {
        if (!query.Box.Contains(ReadDouble(stored[values[Lon]]), ReadDouble(stored[values[Lat]])))
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

    private static double ReadDouble(ReadOnlySpan<byte> token)
    {
        var reader = new Utf8JsonReader(token);
        reader.Read();
        return reader.GetDouble();
    }

    private static string ReadString(ReadOnlySpan<byte> token)
    {
        var reader = new Utf8JsonReader(token);
        reader.Read();
        return reader.GetString()!;
    }

    private static bool Is(ReadOnlySpan<byte> stored, Range value, byte first) =>
        !value.Equals(default(Range)) && stored[value][0] == first;

    private static bool IsNumber(ReadOnlySpan<byte> stored, Range value) =>
        !value.Equals(default(Range)) && stored[value][0] is (byte)'-' or (>= (byte)'0' and <= (byte)'9');
}
