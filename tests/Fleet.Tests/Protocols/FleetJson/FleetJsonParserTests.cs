using System.Text;
using Fleet.Ingestion.Protocols.FleetJson;

namespace Fleet.Tests.Protocols.FleetJson;

public sealed class FleetJsonParserTests
{
    // The contract's own example body.
    private const string FullItem = """
        { "deviceId": "veh-0001", "timestamp": "2026-11-26T10:00:00Z", "lat": 55.7512, "lon": 37.6184, "speed": 42.5,
          "heading": 270, "altitude": 150, "satellites": 9, "hdop": 0.9, "ignition": true, "fuel": 37.5, "odometer": 120345.2,
          "attributes": { "din1": 1 } }
        """;

    private static FleetJsonParseResult Parse(string body, string? topicDeviceId = null) =>
        FleetJsonParser.Parse(Encoding.UTF8.GetBytes(body), topicDeviceId);

    [Fact]
    public void Parse_SingleFullObject_AllFieldsMapped()
    {
        var result = Parse(FullItem);

        Assert.False(result.IsRejected);
        var item = Assert.Single(result.Items);
        Assert.True(item.IsAccepted);
        Assert.Equal(0, item.Index);
        Assert.Equal("veh-0001", item.DeviceId);
        var point = item.Point!;
        PositionAssert.Valid(point);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(55.7512, point.Latitude);
        Assert.Equal(37.6184, point.Longitude);
        Assert.Equal(42.5, point.SpeedKmh);
        Assert.Equal(270, point.Heading);
        Assert.Equal(150, point.AltitudeM);
        Assert.Equal(9, point.Satellites);
        Assert.Equal(0.9, point.Hdop);
        Assert.True(point.Ignition);
        Assert.Equal(37.5, point.FuelL);
        Assert.Equal(120345.2, point.OdometerKm);
        Assert.Equal(1, point.Attributes["din1"]);
        Assert.True(point.Valid);
    }

    [Fact]
    public void Parse_MinimalObject_OptionalFieldsNull()
    {
        var point = Assert.Single(Parse("""{"deviceId":"veh-0002","timestamp":"2026-11-26T10:00:00Z","lat":-33.9,"lon":-70.6}""").Items).Point!;

        Assert.Equal(-33.9, point.Latitude);
        Assert.Equal(-70.6, point.Longitude);
        Assert.Null(point.SpeedKmh);
        Assert.Null(point.Heading);
        Assert.Null(point.Ignition);
        Assert.Null(point.OdometerKm);
        Assert.Empty(point.Attributes);
    }

    [Fact]
    public void Parse_UnixMillisecondsAndIsoTimestamps_SameInstant()
    {
        var iso = Parse("""{"deviceId":"v","timestamp":"2026-11-26T10:00:00.250+03:00","lat":1,"lon":2}""");
        var millis = Parse("""{"deviceId":"v","timestamp":1795676400250,"lat":1,"lon":2}""");

        var expected = new DateTimeOffset(2026, 11, 26, 7, 0, 0, 250, TimeSpan.Zero);
        Assert.Equal(expected, iso.Items[0].Point!.DeviceTime);
        Assert.Equal(expected, millis.Items[0].Point!.DeviceTime);
        Assert.Equal(TimeSpan.Zero, iso.Items[0].Point!.DeviceTime.Offset);
    }

    [Fact]
    public void Parse_BatchWithMixedItems_KeepsGoodRejectsBadByIndex()
    {
        var body = """
            [
              {"deviceId":"veh-1","timestamp":"2026-11-26T10:00:00Z","lat":55.75,"lon":37.61,"speed":10},
              {"deviceId":"veh-1","timestamp":"2026-11-26T10:00:05Z","lon":37.62},
              {"deviceId":"veh-2","timestamp":1795672805000,"lat":55.76,"lon":37.63},
              {"deviceId":"veh-2","timestamp":"2026-11-26T10:00:10Z","lat":55.77,"lon":37.64,"speed":"fast"},
              "not an object",
              {"deviceId":"veh-3","timestamp":"2026-11-26T10:00:15Z","lat":55.78,"lon":37.65,"attributes":{"din1":true,"temp":-4.5}}
            ]
            """;

        var result = Parse(body);

        Assert.False(result.IsRejected);
        Assert.Equal(6, result.Items.Count);
        Assert.Equal([0, 2, 5], result.Accepted.Select(item => item.Index));
        Assert.Equal(
            ["index 1: lat missing", "index 3: speed must be a number", "index 4: item is not an object"],
            result.Rejected.Select(item => item.RejectReason));
        Assert.Equal("veh-2", result.Items[3].DeviceId);
        Assert.Equal(1, result.Items[5].Point!.Attributes["din1"]);
        Assert.Equal(-4.5, result.Items[5].Point!.Attributes["temp"]);
    }

    [Theory]
    [InlineData("""{"timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2}""", "index 0: deviceId missing")]
    [InlineData("""{"deviceId":"v","lat":1,"lon":2}""", "index 0: timestamp missing")]
    [InlineData("""{"deviceId":"v","timestamp":"26.11.2026 10:00","lat":1,"lon":2}""", "index 0: timestamp must be ISO 8601 text or integer unix milliseconds")]
    [InlineData("""{"deviceId":"v","timestamp":1795672800,"lat":1,"lon":2}""", "index 0: timestamp must be unix milliseconds after 2000-01-01 (unix seconds?)")]
    [InlineData("""{"deviceId":"v","timestamp":"2026-11-26T10:00:00Z","lat":1}""", "index 0: lon missing")]
    [InlineData("""{"deviceId":"v","timestamp":"2026-11-26T10:00:00Z","lat":91,"lon":2}""", "index 0: lat out of range [-90, 90]")]
    [InlineData("""{"deviceId":"v","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":-181}""", "index 0: lon out of range [-180, 180]")]
    [InlineData("""{"deviceId":"v","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2,"heading":361}""", "index 0: heading must be within [0, 360]")]
    [InlineData("""{"deviceId":"v","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2,"satellites":7.5}""", "index 0: satellites must be an integer within [0, 255]")]
    [InlineData("""{"deviceId":"v","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2,"ignition":1}""", "index 0: ignition must be true or false")]
    [InlineData("""{"deviceId":"v","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2,"attributes":{"mode":"eco"}}""", "index 0: attributes.mode must be a number or boolean")]
    [InlineData("""{"deviceId":"v","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2,"attributes":[1]}""", "index 0: attributes must be an object")]
    [InlineData("""{"deviceId":42,"timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2}""", "index 0: deviceId must be a string")]
    [InlineData("""{"deviceId":"","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2}""", "index 0: deviceId is empty, longer than 64 or has control characters")]
    public void Parse_BadItem_RejectedWithIndexAndReason(string body, string reason)
    {
        var result = Parse(body);

        Assert.False(result.IsRejected);
        var item = Assert.Single(result.Items);
        Assert.False(item.IsAccepted);
        Assert.Null(item.Point);
        Assert.Equal(reason, item.RejectReason);
    }

    [Theory]
    [InlineData("", "invalid JSON at byte 0:")]
    [InlineData("not json", "invalid JSON at byte 1:")]
    [InlineData("""{"deviceId":"v",}""", "invalid JSON at byte 16:")]
    [InlineData("{\n  \"lat\": 1,\n  \"lon\": ]\n}", "invalid JSON at byte 23:")]
    [InlineData("""{"a":1} {"b":2}""", "invalid JSON at byte 8:")]
    [InlineData("\"just a string\"", "body must be a JSON object or array, got String")]
    [InlineData("42", "body must be a JSON object or array, got Number")]
    public void Parse_NotJsonOrWrongRoot_SingleTopLevelError(string body, string errorStart)
    {
        var result = Parse(body);

        Assert.True(result.IsRejected);
        Assert.StartsWith(errorStart, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Parse_InvalidUtf8_RejectedAtTopLevelNamingTheByte()
    {
        byte[] body = [.. "{\"deviceId\":\"v"u8, 0xC3, 0x28, .. "\"}"u8];

        var result = FleetJsonParser.Parse(body);

        Assert.Equal("invalid JSON at byte 14: the body is not valid UTF-8", result.Error);
    }

    [Fact]
    public void Parse_LoneSurrogateEscape_RejectedAtTopLevel()
    {
        var result = Parse("""{"deviceId":"v\ud800","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2}""");

        Assert.Equal("invalid JSON at byte 12: a string escapes a lone UTF-16 surrogate", result.Error);
    }

    [Fact]
    public void Parse_SurrogatePairEscape_Accepted()
    {
        var item = Assert.Single(Parse("""{"deviceId":"v\ud83d\ude9a","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2}""").Items);

        Assert.Equal("v\U0001F69A", item.DeviceId);
    }

    [Fact]
    public void Parse_DeeplyNestedJson_RejectedAtTopLevel()
    {
        var body = new string('[', 100) + new string(']', 100);

        var result = Parse(body);

        Assert.True(result.IsRejected);
        Assert.StartsWith("invalid JSON at byte 16:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MqttBodyWithoutDeviceId_TakesTopicDevice()
    {
        var item = Assert.Single(Parse("""{"timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2}""", "veh-0001").Items);

        Assert.True(item.IsAccepted);
        Assert.Equal("veh-0001", item.DeviceId);
    }

    [Fact]
    public void Parse_MqttBodyDeviceIdDisagreesWithTopic_Rejected()
    {
        var result = Parse("""[{"deviceId":"veh-0001","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2},{"deviceId":"veh-9999","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2}]""", "veh-0001");

        Assert.True(result.Items[0].IsAccepted);
        Assert.False(result.Items[1].IsAccepted);
        Assert.Equal("index 1: deviceId differs from the topic's device id", result.Items[1].RejectReason);
    }

    [Fact]
    public void Parse_BatchAboveMaximum_RejectedAtTopLevel()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("{}", FleetJsonParser.MaxBatchItems + 1)) + "]";

        var result = Parse(body);

        Assert.Equal("batch of 1001 items exceeds the maximum of 1000", result.Error);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Parse_NullOptionalFieldsAndUnknownMembers_Ignored()
    {
        var point = Assert.Single(Parse("""{"deviceId":"v","timestamp":"2026-11-26T10:00:00Z","lat":1,"lon":2,"speed":null,"extra":{"x":[1]}}""").Items).Point!;

        Assert.Null(point.SpeedKmh);
    }
}
