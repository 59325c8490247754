using System.Collections.Concurrent;
using Fleet.Realtime.Hubs;
using Fleet.Realtime.State;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Fleet.Tests.Realtime;

/// <summary>A SignalR client of /hubs/map that records everything it receives.</summary>
public sealed class MapClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private MapClient(HubConnection connection)
    {
        _connection = connection;
        connection.On<SnapshotItem[]>("positions", items =>
        {
            foreach (var item in items)
            {
                Positions.Enqueue(item);
            }
        });
        connection.On<string[]>("left", ids =>
        {
            foreach (var id in ids)
            {
                Left.Enqueue(id);
            }
        });
    }

    public ConcurrentQueue<SnapshotItem> Positions { get; } = new();

    public ConcurrentQueue<string> Left { get; } = new();

    public string? ConnectionId => _connection.ConnectionId;

    public static async Task<MapClient> ConnectAsync(RealtimeHost host, string token, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "hubs/map"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var client = new MapClient(builder.Build());
        await client._connection.StartAsync(TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>Subscribes and waits until the given hosts' registries know this connection (replication is async).</summary>
    public async Task SubscribeAsync(double[] bbox, string[]? companyIds = null, string[]? groupIds = null, params RealtimeHost[] hosts)
    {
        await _connection.InvokeAsync("Subscribe", new MapSubscriptionRequest { Bbox = bbox, CompanyIds = companyIds, GroupIds = groupIds },
            TestContext.Current.CancellationToken);
        foreach (var host in hosts)
        {
            await Eventually.TrueAsync(() => host.Registry.Find(ConnectionId!)?.Box.MinLon == bbox[0], "subscription replicated");
        }
    }

    public Task InvokeSubscribeAsync(MapSubscriptionRequest request) =>
        _connection.InvokeAsync("Subscribe", request, TestContext.Current.CancellationToken);

    public bool Received(string vehicleId) => Positions.Any(p => p.VehicleId == vehicleId);

    public Task WaitForPositionAsync(string vehicleId, Func<SnapshotItem, bool>? where = null) =>
        Eventually.TrueAsync(() => Positions.Any(p => p.VehicleId == vehicleId && (where?.Invoke(p) ?? true)), $"position of {vehicleId}");

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
