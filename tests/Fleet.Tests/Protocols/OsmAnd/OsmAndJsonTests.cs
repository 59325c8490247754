using System.Text;
using Fleet.Ingestion.Protocols.OsmAnd;

namespace Fleet.Tests.Protocols.OsmAnd;

/// <summary>JSON bodies from Traccar's OsmAndProtocolDecoderTest (testDecodeJson), as Traccar Client 9+ posts them.</summary>
public sealed class OsmAndJsonTests
{
    private const string StillAndroid = """{"location":{"timestamp":"2025-06-15T13:45:12.862Z","coords":{"latitude":37.4219983,"longitude":-122.084,"accuracy":5,"speed":0,"heading":-1,"altitude":5},"is_moving":false,"odometer":0,"event":"motionchange","battery":{"level":1,"is_charging":false},"activity":{"type":"still"},"extras":{},"_":"&id=48241179&lat=37.4219983&lon=-122.084&timestamp=2025-06-15T13:45:12.862Z&"},"device_id":"48241179"}""";

    private const string WithExtras = """{"location":{"timestamp":"2025-06-15T13:45:12.862Z","coords":{"latitude":37.4219983,"longitude":-122.084,"accuracy":5,"speed":0,"heading":-1,"altitude":5},"is_moving":false,"odometer":0,"event":"motionchange","battery":{"level":1,"is_charging":false},"activity":{"type":"still"},"extras":{"device_string_test":"long_device_id","device_bool_test":true,"device_bool_false_test":false,"device_integer_test":1,"device_double_test":1.345,"device_very_long_double_test":1763636.3442},"_":"&id=48241179&lat=37.4219983&lon=-122.084&timestamp=2025-06-15T13:45:12.862Z&"},"device_id":"48241179"}""";

    private const string MockIos = """{"location":{"extras":{},"mock":true,"coords":{"speed_accuracy":-1,"speed":-1,"longitude":-122.406417,"ellipsoidal_altitude":0,"floor":null,"heading_accuracy":-1,"latitude":37.785834000000001,"accuracy":5,"altitude_accuracy":-1,"altitude":0,"heading":-1},"is_moving":false,"age":188,"odometer":0,"uuid":"2FB04C65-99CF-42AB-8DD3-EBCB4B108BF8","event":"motionchange","battery":{"level":-1,"is_charging":false},"activity":{"type":"unknown","confidence":100},"timestamp":"2025-05-09T04:11:30.579Z"},"device_id":"658765"}""";

    private const string MovingSouthern = """{"location":{"event":"motionchange","is_moving":false,"uuid":"0e9a2473-a9a7-4c00-997b-fb97d2154e75","timestamp":"2021-07-21T08:06:34.444Z","odometer":0,"coords":{"latitude":-6.1148096,"longitude":106.6837015,"accuracy":3.8,"speed":18.67,"speed_accuracy":0.26,"heading":63,"heading_accuracy":0.28,"altitude":35.7,"altitude_accuracy":3.8},"activity":{"type":"still","confidence":100},"battery":{"is_charging":false,"level":0.79},"extras":{}},"device_id":"8737767034"}""";

    [Fact]
    public void ParseJson_SpeedInMetresPerSecond_ConvertedToKmh()
    {
        var result = OsmAndParser.ParseJson(Encoding.UTF8.GetBytes(MovingSouthern));

        Assert.False(result.IsRejected);
        Assert.Equal("8737767034", result.DeviceId);
        var point = Assert.Single(result.Points);
        PositionAssert.Valid(point);
        Assert.Equal(67.212, point.SpeedKmh!.Value, 10); // 18.67 m/s * 3.6
        Assert.Equal(-6.1148096, point.Latitude);
        Assert.Equal(106.6837015, point.Longitude);
        Assert.Equal(63, point.Heading);
        Assert.Equal(35.7, point.AltitudeM);
        Assert.Equal(new DateTimeOffset(2021, 7, 21, 8, 6, 34, 444, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(79, point.Attributes["batteryLevel"]);
        Assert.Equal(0, point.Attributes["charge"]);
        Assert.Equal(3.8, point.Attributes["accuracy"]);
        Assert.Equal(0, point.Attributes["motion"]);
        Assert.Equal(0, point.OdometerKm);
    }

    [Fact]
    public void ParseJson_AndroidStill_UnknownHeadingDroppedWesternLongitude()
    {
        var result = OsmAndParser.ParseJson(Encoding.UTF8.GetBytes(StillAndroid));

        Assert.Equal("48241179", result.DeviceId);
        var point = Assert.Single(result.Points);
        Assert.Equal(new DateTimeOffset(2025, 6, 15, 13, 45, 12, 862, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(37.4219983, point.Latitude);
        Assert.Equal(-122.084, point.Longitude);
        Assert.Equal(0, point.SpeedKmh);
        Assert.Null(point.Heading);
        Assert.Equal(5, point.AltitudeM);
        Assert.Equal(100, point.Attributes["batteryLevel"]);
        Assert.True(point.Valid);
    }

    [Fact]
    public void ParseJson_Extras_NumbersAndBooleansBecomeAttributes()
    {
        var point = Assert.Single(OsmAndParser.ParseJson(Encoding.UTF8.GetBytes(WithExtras)).Points);

        Assert.Equal(1, point.Attributes["device_integer_test"]);
        Assert.Equal(1.345, point.Attributes["device_double_test"]);
        Assert.Equal(1763636.3442, point.Attributes["device_very_long_double_test"]);
        Assert.Equal(1, point.Attributes["device_bool_test"]);
        Assert.Equal(0, point.Attributes["device_bool_false_test"]);
        Assert.False(point.Attributes.ContainsKey("device_string_test"));
    }

    [Fact]
    public void ParseJson_IosMockWithUnknowns_NegativeMarkersDropped()
    {
        var result = OsmAndParser.ParseJson(Encoding.UTF8.GetBytes(MockIos));

        Assert.Equal("658765", result.DeviceId);
        var point = Assert.Single(result.Points);
        Assert.Null(point.SpeedKmh);
        Assert.Null(point.Heading);
        Assert.False(point.Attributes.ContainsKey("batteryLevel"));
        Assert.Equal(1, point.Attributes["mock"]);
        Assert.Equal(37.785834, point.Latitude, 6);
        Assert.Equal(new DateTimeOffset(2025, 5, 9, 4, 11, 30, 579, TimeSpan.Zero), point.DeviceTime);
    }

    [Fact]
    public void ParseJson_LocationArray_AllPointsInOrder()
    {
        var body = """{"device_id":"8737767034","location":[{"timestamp":"2021-07-21T08:06:34.444Z","coords":{"latitude":-6.1,"longitude":106.6,"speed":1}},{"timestamp":"2021-07-21T08:06:44Z","coords":{"latitude":-6.2,"longitude":106.7,"speed":2}}]}""";

        var result = OsmAndParser.ParseJson(Encoding.UTF8.GetBytes(body));

        Assert.Equal(2, result.Points.Count);
        Assert.Equal(3.6, result.Points[0].SpeedKmh!.Value, 10);
        Assert.Equal(-6.2, result.Points[1].Latitude);
    }

    [Theory]
    [InlineData("""{"location":{"timestamp":"2021-07-21T08:06:34Z","coords":{"latitude":1,"longitude":2}}}""", "device_id missing")]
    [InlineData("""{"device_id":5,"location":{}}""", "device_id must be a string")]
    [InlineData("""{"device_id":"a"}""", "location missing")]
    [InlineData("""{"device_id":"a","location":{"coords":{"latitude":1,"longitude":2}}}""", "location.timestamp missing or not ISO 8601")]
    [InlineData("""{"device_id":"a","location":{"timestamp":"2021-07-21T08:06:34Z"}}""", "location.coords missing")]
    [InlineData("""{"device_id":"a","location":{"timestamp":"2021-07-21T08:06:34Z","coords":{"latitude":"1","longitude":2}}}""", "location.coords.latitude must be a number")]
    [InlineData("""{"device_id":"a","location":{"timestamp":"2021-07-21T08:06:34Z","coords":{"latitude":100,"longitude":2}}}""", "location.coords.latitude/longitude missing or out of range")]
    [InlineData("""{"device_id":"a","location":{"timestamp":"2021-07-21T08:06:34Z","coords":{"latitude":1,"longitude":2},"battery":{"level":"full"}}}""", "location.battery.level must be a number")]
    [InlineData("""{"device_id":"a","location":[{"timestamp":"2021-07-21T08:06:34Z","coords":{"latitude":1,"longitude":2}},7]}""", "location[1] must be an object")]
    [InlineData("""[1,2]""", "body must be a JSON object, got Array")]
    public void ParseJson_BadShape_RejectedNamingTheFault(string body, string error)
    {
        var result = OsmAndParser.ParseJson(Encoding.UTF8.GetBytes(body));

        Assert.Equal(error, result.Error);
        Assert.Empty(result.Points);
    }

    [Fact]
    public void ParseJson_MalformedJson_ErrorNamesByteOffset()
    {
        var result = OsmAndParser.ParseJson("""{"device_id":"a",}"""u8);

        Assert.True(result.IsRejected);
        Assert.StartsWith("invalid JSON at byte 17:", result.Error, StringComparison.Ordinal);
    }
}
