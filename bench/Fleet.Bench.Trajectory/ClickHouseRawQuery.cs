using System.Net.Http.Headers;
using System.Text;
using Fleet.History.ClickHouse;
using Fleet.ServiceDefaults.ClickHouse;

namespace Fleet.Bench.Trajectory;

/// <summary>
/// The same-run reference: the plainest server query for one vehicle-day (every column, no FINAL, RowBinary over HTTP,
/// bytes discarded), so store-read figures can be compared with what the server itself needs on this loaded machine.
/// </summary>
internal sealed class ClickHouseRawQuery(string connectionString)
{
    private readonly ClickHouseEndpoint _endpoint = ClickHouseEndpoint.Parse(connectionString);
    private static readonly HttpClient Http = new();

    public async Task VehicleDayAsync(string vehicleId, DateTimeOffset from, DateTimeOffset to)
    {
        var sql = $"SELECT * FROM history_points WHERE vehicle_id = {ClickHouseLiteral.Quote(vehicleId)} " +
            $"AND device_time >= toDateTime({from.ToUnixTimeSeconds()}) AND device_time < toDateTime({to.ToUnixTimeSeconds()}) " +
            "ORDER BY device_time FORMAT RowBinary";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint.BaseUri, $"?database={_endpoint.Database}"));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_endpoint.Username}:{_endpoint.Password}")));
        request.Content = new StringContent(sql);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        _ = (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
