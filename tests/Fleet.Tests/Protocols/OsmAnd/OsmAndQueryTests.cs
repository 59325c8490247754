using Fleet.Ingestion.Protocols.OsmAnd;
using static Fleet.Tests.Protocols.OsmAnd.TraccarRequest;

namespace Fleet.Tests.Protocols.OsmAnd;

/// <summary>Request lines from Traccar's OsmAndProtocolDecoderTest (testDecodeQuery).</summary>
public sealed class OsmAndQueryTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ParseQuery_SpeedInKnots_ConvertedToKmh()
    {
        var result = OsmAndParser.ParseQuery(Query(
            "/?id=123456789012345&timestamp=1504763810&lat=40.7232948571&lon=-74.0061408571&bearing=7.19889788244&speed=40&ignition=true&rpm=933&fuel=24"));

        Assert.False(result.IsRejected);
        Assert.Equal("123456789012345", result.DeviceId);
        var point = Assert.Single(result.Points);
        PositionAssert.Valid(point);
        Assert.Equal(74.08, point.SpeedKmh!.Value, 10); // 40 kn * 1.852
        Assert.Equal(new DateTimeOffset(2017, 9, 7, 5, 56, 50, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(40.7232948571, point.Latitude);
        Assert.Equal(-74.0061408571, point.Longitude);
        Assert.Equal(7.19889788244, point.Heading);
        Assert.True(point.Ignition);
        Assert.Equal(24, point.FuelL);
        Assert.Equal(933, point.Attributes["rpm"]);
    }

    [Fact]
    public void ParseQuery_IsoTimestampWesternHemisphere_Decoded()
    {
        var point = Assert.Single(OsmAndParser.ParseQuery(Query(
            "/?id=902064&lat=42.06288&lon=-88.23412&timestamp=2016-01-27T18%3A55%3A47Z&hdop=6.0&altitude=224.0&speed=0.0")).Points);

        Assert.Equal(new DateTimeOffset(2016, 1, 27, 18, 55, 47, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(-88.23412, point.Longitude);
        Assert.Equal(6.0, point.Hdop);
        Assert.Equal(224.0, point.AltitudeM);
        Assert.Equal(0.0, point.SpeedKmh);
    }

    [Fact]
    public void ParseQuery_UnixMilliseconds_Decoded()
    {
        var point = Assert.Single(OsmAndParser.ParseQuery(Query(
            "/?id=902064&lat=42.06288&lon=-88.23412&timestamp=1442068686579&hdop=6.0&altitude=224.0&speed=0.0")).Points);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1442068686579), point.DeviceTime);
        Assert.Equal(579, point.DeviceTime.Millisecond);
    }

    [Fact]
    public void ParseQuery_SpaceSeparatedTimestamp_TakenAsUtc()
    {
        var result = OsmAndParser.ParseQuery(Query(
            "/?lat=49.60688&lon=6.15788&timestamp=2014-06-04+09%3A10%3A11&altitude=384.7&speed=0.0&id=353861053849681"));

        Assert.Equal("353861053849681", result.DeviceId);
        Assert.Equal(new DateTimeOffset(2014, 6, 4, 9, 10, 11, TimeSpan.Zero), Assert.Single(result.Points).DeviceTime);
    }

    [Theory]
    [InlineData("/?id=123456&timestamp=1377177267&lat=60.0&lon=30.0&speed=0.0&bearing=0.0&altitude=0&hdop=0.0")]
    [InlineData("/?id=123456&timestamp=1377177267&lat=60.0&lon=30.0")]
    [InlineData("/?id=123456&timestamp=1377177267&location=60.0,30.0")]
    public void ParseQuery_UnixSecondsAndLocationForms_SamePosition(string uri)
    {
        var result = OsmAndParser.ParseQuery(Query(uri));

        Assert.Equal("123456", result.DeviceId);
        var point = Assert.Single(result.Points);
        Assert.Equal(new DateTimeOffset(2013, 8, 22, 13, 14, 27, TimeSpan.Zero), point.DeviceTime);
        Assert.Equal(60.0, point.Latitude);
        Assert.Equal(30.0, point.Longitude);
        Assert.True(point.Valid);
    }

    [Fact]
    public void ParseQuery_DeviceidWithoutTimestamp_UsesReceivedTime()
    {
        var result = OsmAndParser.ParseQuery(
            Query("/?lat=60.0&lon=30.0&speed=0.0&heading=0.0&vacc=0&hacc=0&altitude=0&deviceid=123456"), ReceivedAt);

        Assert.Equal("123456", result.DeviceId);
        var point = Assert.Single(result.Points);
        Assert.Equal(ReceivedAt, point.DeviceTime);
        Assert.Equal(0.0, point.Heading);
        Assert.Equal(0, point.Attributes["vacc"]);
    }

    [Fact]
    public void ParseQuery_NoTimestampAndNoReceivedTime_Rejected()
    {
        var result = OsmAndParser.ParseQuery(Query(
            "/?id=861001000719969&lat=41.666667&lon=-0.883333&altitude=350.059479&speed=0.000000&batt=87"));

        Assert.True(result.IsRejected);
        Assert.Equal("timestamp missing", result.Error);
        Assert.Equal("861001000719969", result.DeviceId);
        Assert.Empty(result.Points);
    }

    [Fact]
    public void ParseQuery_BatteryPercent_KeptAsBatteryLevel()
    {
        var point = Assert.Single(OsmAndParser.ParseQuery(Query(
            "/?id=861001000719969&lat=41.666667&lon=-0.883333&altitude=350.059479&speed=0.000000&batt=87"), ReceivedAt).Points);

        Assert.Equal(87, point.Attributes["batteryLevel"]);
        Assert.Equal(-0.883333, point.Longitude);
    }

    [Fact]
    public void ParseQuery_NoDeviceId_Rejected()
    {
        var result = OsmAndParser.ParseQuery(Query("/?timestamp=1377177267&lat=60.0&lon=30.0"));

        Assert.True(result.IsRejected);
        Assert.Equal("id missing", result.Error);
    }

    [Fact]
    public void ParseQuery_CellAndWifiOnly_RejectedForMissingPosition()
    {
        // Traccar answers this one from the last known position; a pure parser has none.
        var result = OsmAndParser.ParseQuery(Query(
            "/?id=123456&timestamp=1377177267&cell=257,02,16,2224&cell=257,02,16,2223,-90&wifi=00-14-22-01-23-45,-80&wifi=00-1C-B3-09-85-15,-70"));

        Assert.True(result.IsRejected);
        Assert.Equal("lat/lon missing", result.Error);
        Assert.Equal("123456", result.DeviceId);
    }

    [Theory]
    [InlineData("/?id=1&timestamp=1377177267&lat=abc&lon=30", "lat 'abc' is not a number")]
    [InlineData("/?id=1&timestamp=1377177267&lat=91&lon=30", "lat/lon 91,30 out of range")]
    [InlineData("/?id=1&timestamp=yesterday&lat=60&lon=30", "timestamp 'yesterday' is neither unix time, ISO 8601 nor yyyy-MM-dd HH:mm:ss")]
    [InlineData("/?id=1&timestamp=1377177267&location=60.0", "location '60.0' is not latitude,longitude")]
    [InlineData("/?id=1&timestamp=1377177267&lat=60&lon=30&speed=NaN", "speed 'NaN' is not a number")]
    [InlineData("/?id=1&timestamp=1377177267&lat=60&lon=30&ignition=maybe", "ignition 'maybe' is not true/false")]
    [InlineData("/?id=1&timestamp=1377177267&lat=60&lon=30&heading=400", "heading above 360")]
    public void ParseQuery_BadValue_RejectedNamingTheFault(string uri, string error)
    {
        var result = OsmAndParser.ParseQuery(Query(uri));

        Assert.Equal(error, result.Error);
        Assert.Empty(result.Points);
    }

    [Fact]
    public void ParseQuery_ValidFalseChargeAndOdometer_Mapped()
    {
        var point = Assert.Single(OsmAndParser.ParseQuery(Query(
            "/?id=1&timestamp=1377177267&lat=-33.8688&lon=151.2093&valid=false&charge=true&odometer=12500&speed=-1&bearing=-1&driverUniqueId=abc")).Points);

        Assert.False(point.Valid);
        Assert.Equal(1, point.Attributes["charge"]);
        Assert.Equal(12.5, point.OdometerKm);
        Assert.Null(point.SpeedKmh);
        Assert.Null(point.Heading);
        Assert.Equal(-33.8688, point.Latitude);
        Assert.False(point.Attributes.ContainsKey("driverUniqueId"));
    }
}
