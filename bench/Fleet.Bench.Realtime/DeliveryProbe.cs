using System.Globalization;
using Fleet.Realtime.Hubs;
using Fleet.Realtime.State;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Fleet.Bench.Realtime;

/// <summary>SignalR clients with random viewports that record delivery latency (receive time − point's device time).</summary>
internal sealed class DeliveryProbe : IAsyncDisposable
{
    private const string DeviceTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"; // PositionRouter.ToItem

    private readonly List<HubConnection> _connections = [];
    private readonly Lock _lock = new();
    private List<double> _latencies = [];
    private long _items;
    private long _frames;

    public bool Recording { get; set; }

    public async Task ConnectAsync(Uri baseAddress, string token, int count, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseAddress, "hubs/map"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .AddMessagePackProtocol()
                .Build();
            connection.On<SnapshotItem[]>("positions", OnPositions);
            await connection.StartAsync();
            // A viewport of about a city (1° × 0.6°) somewhere in the fleet's 10° × 10° area.
            var lon = random.NextDouble() * 9;
            var lat = 40 + (random.NextDouble() * 9.4);
            await connection.InvokeAsync("Subscribe", new MapSubscriptionRequest { Bbox = [lon, lat, lon + 1, lat + 0.6] });
            _connections.Add(connection);
        }
    }

    public (List<double> Latencies, long Items, long Frames) Take()
    {
        lock (_lock)
        {
            var taken = (_latencies, Interlocked.Exchange(ref _items, 0), Interlocked.Exchange(ref _frames, 0));
            _latencies = [];
            return taken;
        }
    }

    private void OnPositions(SnapshotItem[] items)
    {
        if (!Recording)
        {
            return;
        }

        var now = DateTime.UtcNow;
        Interlocked.Increment(ref _frames);
        Interlocked.Add(ref _items, items.Length);
        // Parse outside the lock: a thousand clients share it, and a convoy here would count as delivery latency.
        var latencies = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var sent = DateTime.ParseExact(items[i].DeviceTime!, DeviceTimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            latencies[i] = (now - sent).TotalMilliseconds;
        }

        lock (_lock)
        {
            _latencies.AddRange(latencies);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
