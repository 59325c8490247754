using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Fleet.Realtime.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Fleet.Tests.Realtime;

/// <summary>
/// Each snapshot answer records where its time went (meter <c>Fleet.Realtime</c>, <c>fleet.realtime.snapshot.stage</c>
/// tagged by stage), so a slow answer can be split into the search, the Redis reads, the copy and the writing.
/// </summary>
public sealed class SnapshotStageMetricsTests(RealtimeFixture fleet) : IClassFixture<RealtimeFixture>
{
    private static readonly string[] Stages = ["search", "last-reply", "redis-sum", "copy-sum", "chunk-wait", "flush"];

    [Fact]
    public async Task GetSnapshot_SeveralChunks_RecordsEveryStageOnce()
    {
        var company = "c-" + Guid.NewGuid().ToString("N")[..8];
        var vehicles = Enumerable.Range(0, 2_500).Select(i => FleetSeed.Position(company, 50 + (i % 50 * 0.01), -50 + (i / 50 * 0.01))).ToArray();
        await FleetSeed.WriteManyAsync(fleet.Redis, fleet.KeyPrefix, vehicles);
        var recorded = new ConcurrentQueue<(string Stage, double Ms)>();
        var meters = fleet.Host.Services.GetRequiredService<IMeterFactory>(); // this host's meter only
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == RealtimeMetrics.SnapshotStageName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "stage")
                {
                    recorded.Enqueue(((string)tag.Value!, value));
                }
            }
        });
        listener.Start();
        using var client = fleet.Host.CreateClient(TestTokens.ForCompanies(company));

        using var response = await client.GetAsync(new Uri("api/v1/vehicles/snapshot?bbox=49.99,-50.01,50.5,-49.5", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(() => recorded.Count >= Stages.Length, "stages recorded");
        var stages = recorded.ToArray();
        Assert.Equal(Stages, stages.Select(s => s.Stage));
        var ms = stages.ToDictionary(s => s.Stage, s => s.Ms);
        Assert.All(ms.Values, v => Assert.True(v >= 0));
        Assert.True(ms["redis-sum"] > 0 && ms["copy-sum"] > 0, "three HMGET chunks were read and copied");
        Assert.True(ms["last-reply"] >= ms["search"], "the last chunk's reply arrives after it was sent, at the search's end");
    }
}
