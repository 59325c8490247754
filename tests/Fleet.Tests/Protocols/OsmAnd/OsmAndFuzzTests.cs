using System.Text;
using CsCheck;
using Fleet.Ingestion.Protocols.OsmAnd;

namespace Fleet.Tests.Protocols.OsmAnd;

public sealed class OsmAndFuzzTests
{
    private const string JsonSeed = """{"location":{"event":"motionchange","is_moving":false,"timestamp":"2021-07-21T08:06:34.444Z","odometer":0,"coords":{"latitude":-6.1148096,"longitude":106.6837015,"accuracy":3.8,"speed":18.67,"heading":63,"altitude":35.7},"battery":{"is_charging":false,"level":0.79},"extras":{"a":1,"alarm":"sos"}},"device_id":"8737767034"}""";

    private static readonly string[] Keys =
        ["id", "deviceid", "timestamp", "lat", "lon", "location", "speed", "bearing", "heading", "altitude", "accuracy",
         "hdop", "batt", "ignition", "valid", "charge", "odometer", "fuel", "sat", "cell", "x"];

    [Fact]
    public void ParseJson_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 200].Sample(bytes => Check(OsmAndParser.ParseJson(bytes)), iter: 3000);
    }

    [Fact]
    public void ParseJson_MutatedTraccarBody_NeverThrowsAndAcceptedPointsAreSane()
    {
        var seed = Encoding.UTF8.GetBytes(JsonSeed);
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Byte).Sample((position, value) =>
        {
            var bytes = (byte[])seed.Clone();
            bytes[position] = value;
            Check(OsmAndParser.ParseJson(bytes));
        }, iter: 3000);
    }

    [Fact]
    public void ParseQuery_RandomPairs_NeverThrowAndAcceptedPointsAreSane()
    {
        var value = Gen.OneOf(Gen.String, Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var pair = Gen.Select(Gen.OneOf(Gen.OneOf(Keys), Gen.String), value, (k, v) => new KeyValuePair<string, string>(k, v));
        pair.Array[0, 12].Sample(pairs => Check(OsmAndParser.ParseQuery(pairs, DateTimeOffset.UnixEpoch)), iter: 3000);
    }

    private static void Check(OsmAndParseResult result)
    {
        Assert.True(result.IsRejected ? result.Points.Count == 0 : result.Points.Count > 0);
        foreach (var point in result.Points)
        {
            // The request's own timestamp may be any date: only the pipeline's clock can judge it.
            PositionAssert.Valid(point with { DeviceTime = DateTimeOffset.UnixEpoch });
            Assert.False(string.IsNullOrEmpty(result.DeviceId));
        }
    }
}
