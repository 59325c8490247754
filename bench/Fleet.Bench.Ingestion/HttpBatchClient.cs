using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Fleet.Bench.Ingestion;

/// <summary>An integration partner posting Fleet JSON batches; each batch waits for its 202 before the next.</summary>
public static class HttpBatchClient
{
    public static async Task RunAsync(HttpClient http, int client, int batch, DateTime until, List<long> latencies, LoadCounters counters)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(latencies);
        ArgumentNullException.ThrowIfNull(counters);
        while (DateTime.UtcNow < until)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry")
            {
                Content = new StringContent(Body(client, batch, DateTimeOffset.UtcNow), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bench-token");
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                counters.Unacknowledged();
                continue;
            }

            latencies.Add(Stopwatch.GetTimestamp() - sent);
            using var json = JsonDocument.Parse(text);
            counters.Acknowledged(json.RootElement.GetProperty("accepted").GetInt32());
        }
    }

    /// <summary>A batch spread over 50 vehicles of this client, points one second apart ending now.</summary>
    private static string Body(int client, int batch, DateTimeOffset now)
    {
        var builder = new StringBuilder(batch * 160);
        builder.Append('[');
        for (var i = 0; i < batch; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var time = now.AddSeconds(i - batch).ToString("O", CultureInfo.InvariantCulture);
            builder.Append(CultureInfo.InvariantCulture,
                $$"""{"deviceId":"http-{{client}}-{{i % 50}}","timestamp":"{{time}}","lat":{{52.5 + i * 1e-4}},"lon":{{13.4 + i * 1e-4}},"speed":42.5,"heading":{{i % 360}},"satellites":9,"ignition":true}""");
        }

        builder.Append(']');
        return builder.ToString();
    }
}
