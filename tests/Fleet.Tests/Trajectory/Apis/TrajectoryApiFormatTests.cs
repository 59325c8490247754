using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using static Fleet.Tests.Trajectory.Apis.TrajectoryApiFixture;

namespace Fleet.Tests.Trajectory.Apis;

/// <summary>CSV and GPX parsed back and checked against the JSON answers; the OpenAPI document.</summary>
public sealed class TrajectoryApiFormatTests(TrajectoryApiFixture fixture) : IClassFixture<TrajectoryApiFixture>
{
    private const string Day = "from=2024-05-14T00:00:00Z&to=2024-05-16T00:00:00Z";
    private static readonly XNamespace Gpx = "http://www.topografix.com/GPX/1/1";

    [Theory]
    [InlineData($"/api/v1/reports/trips?vehicleId={City}&{Day}")]
    [InlineData($"/api/v1/reports/stops?vehicleId={Odometer}&{Day}")]
    [InlineData($"/api/v1/reports/summary?{Day}")]
    public async Task Report_AcceptCsv_SameColumnsAndValuesAsJson(string url)
    {
        var json = JsonDocument.Parse(await GetAsync(url, "application/json")).RootElement.EnumerateArray().ToList();
        var csv = (await GetAsync(url, "text/csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();

        Assert.NotEmpty(json);
        Assert.Equal(json[0].EnumerateObject().Select(p => p.Name), csv[0]);
        Assert.Equal(json.Count, csv.Count - 1);
        for (var row = 0; row < json.Count; row++)
        {
            var fields = json[row].EnumerateObject().ToList();
            for (var column = 0; column < fields.Count; column++)
            {
                var value = fields[column].Value;
                var cell = csv[row + 1][column];
                switch (value.ValueKind)
                {
                    case JsonValueKind.Number:
                        Assert.Equal(value.GetDouble(), double.Parse(cell, CultureInfo.InvariantCulture));
                        break;
                    case JsonValueKind.String when value.TryGetDateTimeOffset(out var time):
                        Assert.Equal(time, DateTimeOffset.Parse(cell, CultureInfo.InvariantCulture));
                        break;
                    default:
                        Assert.Equal(value.GetString(), cell);
                        break;
                }
            }
        }
    }

    [Fact]
    public async Task RouteGpx_CityDay_ValidGpx11WithEveryCleanedPointAndStops()
    {
        var route = JsonDocument.Parse(await GetAsync($"/api/v1/vehicles/{City}/route?{Day}&tolerance=0", "application/json"))
            .RootElement.GetProperty("properties");

        var gpx = XDocument.Parse(await GetAsync($"/api/v1/vehicles/{City}/route.gpx?{Day}", "application/gpx+xml"));

        Assert.Equal(Gpx + "gpx", gpx.Root!.Name);
        Assert.Equal("1.1", gpx.Root.Attribute("version")!.Value);
        var points = gpx.Descendants(Gpx + "trkpt").ToList();
        Assert.Equal(route.GetProperty("sourcePointCount").GetInt32(), points.Count);
        Assert.Equal(route.GetProperty("pointCount").GetInt32(), points.Count);
        var times = points.Select(p => DateTimeOffset.Parse(p.Element(Gpx + "time")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(Ms(fixture.CityTrack.Points[0].Time), times[0]);
        Assert.Equal(Ms(fixture.CityTrack.Points[^1].Time), times[^1]);
        Assert.Equal(fixture.CityTrack.Points[0].Lat, double.Parse(points[0].Attribute("lat")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(fixture.CityTrack.TruthStops.Count, gpx.Descendants(Gpx + "wpt").Count());
    }

    [Fact]
    public async Task OpenApi_Document_ListsEveryEndpoint()
    {
        using var client = fixture.Client(Store1, token: null);
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/vehicles/{vehicleId}/positions", paths);
        Assert.Contains("/api/v1/vehicles/{vehicleId}/route", paths);
        Assert.Contains("/api/v1/vehicles/{vehicleId}/route.gpx", paths);
        Assert.Contains("/api/v1/reports/trips", paths);
        Assert.Contains("/api/v1/reports/stops", paths);
        Assert.Contains("/api/v1/reports/summary", paths);
    }

    private async Task<string> GetAsync(string url, string accept)
    {
        using var client = fixture.Client(Store2, TestTokens.ForCompanies("c-1"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        if (accept != "application/json")
        {
            Assert.Equal(accept, response.Content.Headers.ContentType!.MediaType);
        }

        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
