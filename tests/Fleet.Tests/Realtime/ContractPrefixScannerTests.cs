using System.Text;
using System.Text.Json;
using Fleet.Realtime.State;

namespace Fleet.Tests.Realtime;

/// <summary>
/// The copier's fast path: it must accept exactly the values in Processing's shape (then the copied prefix is the
/// contract item) and hand anything unusual to the general path, never copy malformed JSON.
/// </summary>
public sealed class ContractPrefixScannerTests
{
    private const string Stored =
        """{"vehicleId":"v-1","deviceId":"d-1","companyId":"c-1","driverId":null,"groupIds":["g-north","g-x"],"plate":"A123BC77","name":"Грузовик \"42\" \u00e9\\","lat":55.7512,"lon":-37.6184e0,"speed":42.5,"heading":270,"ignition":true,"fuel":null,"deviceTime":"2026-11-26T10:00:00.000Z","status":"moving","serverTime":"2026-11-26T10:00:00.100Z"}""";

    [Fact]
    public void TryScan_ProcessingShape_FindsFieldsAndPrefixIsTheContractItem()
    {
        var bytes = Encoding.UTF8.GetBytes(Stored);

        Assert.True(ContractPrefixScanner.TryScan(bytes, out var fields));

        Assert.Equal((55.7512, -37.6184), (fields.Lat, fields.Lon));
        Assert.Equal("c-1", Encoding.UTF8.GetString(bytes[fields.CompanyId]));
        Assert.Equal("""["g-north","g-x"]""", Encoding.UTF8.GetString(bytes[fields.GroupIds]));
        using var item = JsonDocument.Parse(Encoding.UTF8.GetString(bytes[..fields.PrefixEnd]) + "}");
        Assert.Equal("moving", item.RootElement.GetProperty("status").GetString());
        Assert.False(item.RootElement.TryGetProperty("serverTime", out _));
    }

    [Fact]
    public void TryScan_SerializedSnapshotItemWithNullsAndNoGroups_IsAccepted()
    {
        var item = new SnapshotItem { VehicleId = "v-2", CompanyId = "c-2", Lat = 1.5, Lon = 2.5, Name = "<Truck & \"Co\">", DeviceTime = null };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(item, RealtimeJsonContext.Default.SnapshotItem);

        Assert.True(ContractPrefixScanner.TryScan(bytes, out var fields));

        Assert.Equal(bytes.Length - 1, fields.PrefixEnd);
        Assert.Equal("[]", Encoding.UTF8.GetString(bytes[fields.GroupIds]));
    }

    [Theory]
    [InlineData("\"lat\":55.7512", "\"lat\":055.7")] // not JSON's number grammar
    [InlineData("\"lat\":55.7512", "\"lat\":55.")]
    [InlineData("\"lat\":55.7512", "\"lat\":\"55.7\"")] // a string where the contract has a number
    [InlineData("\"speed\":42.5", "\"speed\":+42")]
    [InlineData("\"ignition\":true", "\"ignition\":tru")]
    [InlineData("\"plate\":\"A123BC77\"", "\"plate\":\"A1\\x\"")] // a bad escape
    [InlineData("\"plate\":\"A123BC77\"", "\"plate\":\"A1\\u12G4\"")]
    [InlineData("\"plate\":\"A123BC77\"", "\"plate\":\"A1\tB\"")] // a raw control character
    [InlineData("\"groupIds\":[\"g-north\",\"g-x\"]", "\"groupIds\":[\"g-north\",]")]
    [InlineData("\"groupIds\":[\"g-north\",\"g-x\"]", "\"groupIds\":null")]
    [InlineData("\"companyId\":\"c-1\"", "\"companyId\":\"c\\u002d1\"")] // escaped company id: the general path compares it
    [InlineData("\"status\":\"moving\",", "\"status\":\"moving\" ,")]
    [InlineData("\"deviceId\":\"d-1\",", "")] // a property missing: another shape
    [InlineData("{\"vehicleId\"", "{ \"vehicleId\"")]
    public void TryScan_AnyOtherShapeOrMalformedValue_IsLeftToTheGeneralPath(string find, string replace)
    {
        var bytes = Encoding.UTF8.GetBytes(Stored.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(ContractPrefixScanner.TryScan(bytes, out _));
    }

    [Fact]
    public void TryScan_InvalidUtf8InAString_IsLeftToTheGeneralPath()
    {
        var bytes = Encoding.UTF8.GetBytes(Stored);
        var at = Stored.IndexOf("A123", StringComparison.Ordinal); // ASCII before it: same byte offset
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28; // a lead byte without its continuation

        Assert.False(ContractPrefixScanner.TryScan(bytes, out _));
    }

    [Fact]
    public void TryScan_TruncatedAnywhere_NeverAccepted()
    {
        var bytes = Encoding.UTF8.GetBytes(Stored);
        var statusEnd = Stored.IndexOf(",\"serverTime\"", StringComparison.Ordinal);

        for (var length = 0; length <= statusEnd; length++)
        {
            Assert.False(ContractPrefixScanner.TryScan(bytes.AsSpan(0, length), out _), $"accepted {length} bytes");
        }
    }
}
