using System.Net;
using System.Text.Json;
using static Fleet.Tests.Trajectory.Apis.TrajectoryApiFixture;

namespace Fleet.Tests.Trajectory.Apis;

/// <summary>Tenant isolation (another company's vehicle is 404, as if missing) and request validation (400 problem+json).</summary>
public sealed class TrajectoryApiAccessTests(TrajectoryApiFixture fixture) : IClassFixture<TrajectoryApiFixture>
{
    private const string Day = "from=2024-05-14T00:00:00Z&to=2024-05-16T00:00:00Z";

    public static TheoryData<string> VehicleUrls =>
    [
        $"/api/v1/vehicles/{City}/positions?{Day}", $"/api/v1/vehicles/{City}/route?{Day}", $"/api/v1/vehicles/{City}/route.gpx?{Day}",
        $"/api/v1/reports/trips?vehicleId={City}&{Day}", $"/api/v1/reports/stops?vehicleId={City}&{Day}",
    ];

    [Theory]
    [MemberData(nameof(VehicleUrls))]
    public async Task VehicleData_OtherCompany_404LikeUnknownVehicle(string url)
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, TestTokens.ForCompanies("c-1")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, TestTokens.Admin()));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, TestTokens.ForCompanies("c-2", "c-1")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(url, TestTokens.ForCompanies("c-2")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(url.Replace(City, "veh-missing", StringComparison.Ordinal), TestTokens.Admin()));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(url, token: null));
    }

    [Theory]
    [InlineData($"/api/v1/vehicles/{City}/route?from=2024-05-01T00:00:00Z&to=2024-06-10T00:00:00Z")]
    [InlineData($"/api/v1/reports/summary?from=2024-05-01T00:00:00Z&to=2024-06-10T00:00:00Z")]
    [InlineData($"/api/v1/reports/trips?vehicleId={City}&from=2024-05-01T00:00:00Z&to=2024-06-01T00:00:01Z")]
    public async Task Request_PeriodOverMaximum_400NamingTheLimit(string url)
    {
        var problem = await ProblemAsync(url);

        Assert.Contains("31 days", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Trajectory:MaxPeriod", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"/api/v1/vehicles/{City}/positions?from=yesterday&to=2024-05-16T00:00:00Z", "from")]
    [InlineData($"/api/v1/vehicles/{City}/route?to=2024-05-16T00:00:00Z", "from")]
    [InlineData($"/api/v1/vehicles/{City}/route?from=2024-05-16T00:00:00Z&to=2024-05-14T00:00:00Z", "to")]
    [InlineData($"/api/v1/vehicles/{City}/route?{Day}&tolerance=-3", "tolerance")]
    [InlineData($"/api/v1/reports/stops?{Day}", "vehicleId")]
    [InlineData("/api/v1/reports/summary?from=2024-05-14T00:00:00Z&to=2024-13-01", "to")]
    public async Task Request_BadParameter_400NamingIt(string url, string parameter)
    {
        var problem = await ProblemAsync(url);

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains($"'{parameter}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_PeriodWithoutData_EmptyLineAndZeroFigures()
    {
        using var client = fixture.Client(Store1, TestTokens.ForCompanies("c-1"));
        var body = await client.GetStringAsync(
            new Uri($"/api/v1/vehicles/{City}/route?from=2024-04-01T00:00:00Z&to=2024-04-02T00:00:00Z", UriKind.Relative), TestContext.Current.CancellationToken);

        var route = JsonDocument.Parse(body).RootElement;
        Assert.Equal(0, route.GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
        Assert.Equal(0, route.GetProperty("properties").GetProperty("distanceKm").GetDouble());
        Assert.Equal(0, route.GetProperty("properties").GetProperty("stops").GetArrayLength());
    }

    private async Task<JsonElement> ProblemAsync(string url)
    {
        using var client = fixture.Client(Store1, TestTokens.ForCompanies("c-1"));
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
    }

    private async Task<HttpStatusCode> StatusAsync(string url, string? token)
    {
        using var client = fixture.Client(Store1, token);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
