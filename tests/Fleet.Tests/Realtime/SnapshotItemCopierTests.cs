using System.Text;
using System.Text.Json;
using Fleet.Realtime.State;

namespace Fleet.Tests.Realtime;

/// <summary>The snapshot copies each stored fleet:state value into the answer: contract shape, filters, odd entries.</summary>
public sealed class SnapshotItemCopierTests
{
    private static readonly string[] ContractOrder =
        ["vehicleId", "deviceId", "companyId", "driverId", "groupIds", "plate", "name", "lat", "lon", "speed", "heading", "ignition", "fuel", "deviceTime", "status"];

    private const string Stored =
        """{"vehicleId":"v-1","deviceId":"d-1","companyId":"c-1","driverId":null,"groupIds":["g-north","g-x"],"plate":"A123BC77","name":"Грузовик \"42\"","lat":55.7512,"lon":37.6184,"speed":42.5,"heading":270,"ignition":true,"fuel":null,"deviceTime":"2026-11-26T10:00:00.000Z","status":"moving","serverTime":"2026-11-26T10:00:00.100Z"}""";

    private static readonly BoundingBox Moscow = new(37, 55, 38, 56);

    [Fact]
    public void TryWrite_StoredItem_WritesContractPropertiesInOrderWithoutServerTime()
    {
        var (written, json) = Write(Stored, new SnapshotQuery(Moscow, null, null));

        Assert.True(written);
        var item = json.RootElement[0];
        Assert.Equal(ContractOrder, item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(ContractOrder, SnapshotItemCopier.PropertyNames);
        Assert.Equal("Грузовик \"42\"", item.GetProperty("name").GetString());
        Assert.Equal((55.7512, 37.6184, 42.5), (item.GetProperty("lat").GetDouble(), item.GetProperty("lon").GetDouble(), item.GetProperty("speed").GetDouble()));
        Assert.Equal(["g-north", "g-x"], item.GetProperty("groupIds").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(JsonValueKind.Null, item.GetProperty("fuel").ValueKind);
        Assert.Equal("2026-11-26T10:00:00.000Z", item.GetProperty("deviceTime").GetString());
    }

    [Fact]
    public void TryWrite_StoredItem_EqualsTheItemDeserialisedAndSerialisedAgain()
    {
        var roundTrip = JsonSerializer.Serialize(JsonSerializer.Deserialize(Stored, RealtimeJsonContext.Default.SnapshotItem)!, RealtimeJsonContext.Default.SnapshotItem);

        var (_, json) = Write(Stored, new SnapshotQuery(Moscow, null, null));

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(roundTrip).RootElement, json.RootElement[0]));
    }

    [Fact]
    public void TryWrite_OtherOrderAndMissingOptionals_WritesContractOrderWithDefaults()
    {
        const string sparse = """{"status":"offline","lon":37.5,"extra":{"a":[1,2]},"lat":55.5,"companyId":"c-1","vehicleId":"v-2"}""";

        var (written, json) = Write(sparse, new SnapshotQuery(Moscow, null, null));

        Assert.True(written);
        var item = json.RootElement[0];
        Assert.Equal(ContractOrder, item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, item.GetProperty("groupIds").GetArrayLength());
        Assert.Equal("offline", item.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("plate").ValueKind);
    }

    [Fact]
    public void TryWrite_ContractOrderWithAnExtraPropertyInside_LeavesTheExtraOut()
    {
        var stored = Stored.Replace("\"lat\":", "\"odometer\":[1,{\"x\":2}],\"lat\":", StringComparison.Ordinal);

        var (written, json) = Write(stored, new SnapshotQuery(Moscow, null, null));

        Assert.True(written);
        Assert.Equal(ContractOrder, json.RootElement[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(55.7512, json.RootElement[0].GetProperty("lat").GetDouble());
    }

    [Fact]
    public void TryWrite_MissingStatus_WritesStopped()
    {
        var (_, json) = Write("""{"vehicleId":"v-3","companyId":"c-1","lat":55.5,"lon":37.5}""", new SnapshotQuery(Moscow, null, null));

        Assert.Equal("stopped", json.RootElement[0].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"vehicleId":"v-1","companyId":"c-1","lat":55.5""")]
    [InlineData("""not json""")]
    [InlineData("""{"companyId":"c-1","lat":55.5,"lon":37.5}""")]
    [InlineData("""{"vehicleId":"v-1","lat":55.5,"lon":37.5}""")]
    [InlineData("""{"vehicleId":"v-1","companyId":"c-1","lat":"55.5","lon":37.5}""")]
    [InlineData("""{"vehicleId":"v-1","companyId":"c-1","lat":55.5}""")]
    [InlineData("""[1,2]""")]
    public void TryWrite_MalformedOrIncompleteEntry_IsSkipped(string stored)
    {
        var (written, json) = Write(stored, new SnapshotQuery(Moscow, null, null));

        Assert.False(written);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData(37, 55, 38, 56, true)]
    [InlineData(37.7, 55, 38, 56, false)]
    [InlineData(37, 55.8, 38, 56, false)]
    [InlineData(170, 55, 37.7, 56, true)] // across the antimeridian, the western half holds it
    [InlineData(170, 55, 37.5, 56, false)]
    public void TryWrite_Box_FiltersOnStoredCoordinates(double minLon, double minLat, double maxLon, double maxLat, bool expected)
    {
        var (written, _) = Write(Stored, new SnapshotQuery(new BoundingBox(minLon, minLat, maxLon, maxLat), null, null));

        Assert.Equal(expected, written);
    }

    [Theory]
    [InlineData(new[] { "c-1" }, null, true)]
    [InlineData(new[] { "c-2" }, null, false)]
    [InlineData(new[] { "c-2", "c-1" }, null, true)]
    [InlineData(null, new[] { "g-x" }, true)]
    [InlineData(null, new[] { "g-south" }, false)]
    [InlineData(new[] { "c-1" }, new[] { "g-south", "g-north" }, true)]
    [InlineData(new[] { "c-2" }, new[] { "g-north" }, false)]
    public void TryWrite_CompanyAndGroupFilters_KeepOnlyMatching(string[]? companies, string[]? groups, bool expected)
    {
        var query = new SnapshotQuery(Moscow, companies?.ToHashSet(StringComparer.Ordinal), groups?.ToHashSet(StringComparer.Ordinal));

        var (written, _) = Write(Stored, query);

        Assert.Equal(expected, written);
    }

    [Fact]
    public void TryWrite_GroupFilterAndNoGroupsStored_IsSkipped()
    {
        var query = new SnapshotQuery(Moscow, null, new HashSet<string>(["g-north"], StringComparer.Ordinal));

        var (written, _) = Write("""{"vehicleId":"v-3","companyId":"c-1","lat":55.5,"lon":37.5}""", query);

        Assert.False(written);
    }

    private static (bool Written, JsonDocument Json) Write(string stored, SnapshotQuery query)
    {
        using var buffer = new MemoryStream();
        bool written;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            written = SnapshotItemCopier.TryWrite(Encoding.UTF8.GetBytes(stored), query, writer);
            writer.WriteEndArray();
        }

        return (written, JsonDocument.Parse(buffer.ToArray()));
    }
}
