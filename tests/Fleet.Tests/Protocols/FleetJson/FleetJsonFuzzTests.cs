using System.Text;
using CsCheck;
using Fleet.Ingestion.Protocols.FleetJson;

namespace Fleet.Tests.Protocols.FleetJson;

public sealed class FleetJsonFuzzTests
{
    private const string Seed = """[{"deviceId":"veh-0001","timestamp":"2026-11-26T10:00:00Z","lat":55.7512,"lon":37.6184,"speed":42.5,"heading":270,"altitude":150,"satellites":9,"hdop":0.9,"ignition":true,"fuel":37.5,"odometer":120345.2,"attributes":{"din1":1}},{"timestamp":1795676400250,"lat":-1,"lon":-2}]""";

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 200].Sample(bytes => Check(FleetJsonParser.Parse(bytes, "veh-0001")), iter: 3000);
    }

    [Fact]
    public void Parse_MutatedValidBody_NeverThrowsAndAcceptedPointsAreSane()
    {
        var seed = Encoding.UTF8.GetBytes(Seed);
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Byte, Gen.Bool).Sample((position, value, insert) =>
        {
            var bytes = new List<byte>(seed);
            if (insert)
            {
                bytes.Insert(position, value);
            }
            else
            {
                bytes[position] = value;
            }

            Check(FleetJsonParser.Parse(bytes.ToArray(), "veh-0001"));
        }, iter: 3000);
    }

    private static void Check(FleetJsonParseResult result)
    {
        Assert.True(result.IsRejected ? result.Items.Count == 0 : result.Error is null);
        foreach (var item in result.Items)
        {
            Assert.True(item.IsAccepted ^ (item.RejectReason is not null));
            if (item.Point is { } point)
            {
                // The body's own timestamp may be any date: only the pipeline's clock can judge it.
                PositionAssert.Valid(point with { DeviceTime = DateTimeOffset.UnixEpoch });
                Assert.False(string.IsNullOrEmpty(item.DeviceId));
            }
        }
    }
}
