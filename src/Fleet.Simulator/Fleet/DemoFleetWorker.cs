using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Confluent.Kafka;
using Fleet.Simulator.Reference;
using Microsoft.Extensions.Options;

namespace Fleet.Simulator.Fleet;

/// <summary>
/// Publishes the demo catalog, then reports every vehicle's position through Ingestion's public Fleet JSON API
/// (CONTRACTS.md §1) each interval — the same path a real HTTP tracker takes.
/// </summary>
public sealed partial class DemoFleetWorker(
    IOptions<DemoOptions> options,
    IProducer<string, byte[]> producer,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    ILogger<DemoFleetWorker> logger) : BackgroundService
{
    public const string IngestionClient = "ingestion";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var catalog = new DemoCatalog(o, clock.GetUtcNow().ToUnixTimeMilliseconds());
        var published = await PublishWithRetryAsync(catalog, stoppingToken);
        LogPublished(logger, published, catalog.Vehicles.Count);

        var random = new Random(o.Seed);
        var vehicles = catalog.Devices.Select(d => new SimulatedVehicle(d.Id, o.CenterLat, o.CenterLon, o.RadiusKm, new Random(random.Next()))).ToList();
        using var timer = new PeriodicTimer(o.Interval, clock);
        long sent = 0, refused = 0;
        var lastLog = clock.GetUtcNow();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow();
            await Parallel.ForEachAsync(vehicles, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stoppingToken }, async (v, ct) =>
            {
                v.Step(o.Interval);
                if (await SendAsync(v, catalog.Tokens[v.DeviceId], now, ct))
                {
                    Interlocked.Increment(ref sent);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            });
            if (now - lastLog > TimeSpan.FromMinutes(1))
            {
                LogProgress(logger, sent, refused);
                lastLog = now;
            }
        }
    }

    private async Task<bool> SendAsync(SimulatedVehicle v, string token, DateTimeOffset time, CancellationToken ct)
    {
        var (lat, lon) = v.Reported();
        var json = string.Create(CultureInfo.InvariantCulture,
            $$"""{"deviceId":"{{v.DeviceId}}","timestamp":"{{time:O}}","lat":{{lat:F6}},"lon":{{lon:F6}},"speed":{{v.SpeedKmh:F1}},"heading":{{v.Heading:F0}},"altitude":150,"satellites":9,"hdop":0.9,"ignition":{{(v.Ignition ? "true" : "false")}},"fuel":{{v.FuelL:F1}},"odometer":{{v.OdometerKm:F3}}}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/telemetry", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var client = httpClients.CreateClient(IngestionClient);
            using var response = await client.SendAsync(request, ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;   // Ingestion not up yet or restarting: a real device would retry later too.
        }
    }

    private async Task<int> PublishWithRetryAsync(DemoCatalog catalog, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await new ReferencePublisher(producer).PublishAsync(catalog, ct);
            }
            catch (ProduceException<string, byte[]> ex)
            {
                LogPublishFailed(logger, ex.Error.Reason);
                await Task.Delay(TimeSpan.FromSeconds(2), clock, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} reference events for {Vehicles} demo vehicles")]
    private static partial void LogPublished(ILogger logger, int count, int vehicles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the demo catalog failed ({Reason}); retrying")]
    private static partial void LogPublishFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo fleet: {Sent} points accepted by Ingestion, {Refused} refused or unreachable so far")]
    private static partial void LogProgress(ILogger logger, long sent, long refused);
}
