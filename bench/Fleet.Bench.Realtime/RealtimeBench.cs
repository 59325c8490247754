using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.DevKafka;
using Fleet.Realtime.Positions;
using Fleet.Realtime.State;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Fleet.Bench.Realtime;

/// <summary>
/// Realtime benchmark: N SignalR clients with random viewports while positions flow through real Kafka (mock
/// cluster) at a fixed rate; and the snapshot of a box holding 10k of 100k vehicles. Usage:
/// <c>dotnet run -c Release --project bench/Fleet.Bench.Realtime -- [clients] [points/s] [seconds] [vehicles]</c>
/// (0 clients: the snapshot part only)
/// against the test Redis (FLEET_TEST_REDIS, default 127.0.0.1:16379).
/// </summary>
internal static class RealtimeBench
{
    public static async Task<int> Main(string[] args)
    {
        var clients = Arg(args, 0, 1000);
        var rate = Arg(args, 1, 5000);
        var seconds = Arg(args, 2, 30);
        var vehicles = Arg(args, 3, 100_000);
        var redisAddress = Environment.GetEnvironmentVariable("FLEET_TEST_REDIS") ?? "127.0.0.1:16379";
        var prefix = $"bench{Guid.NewGuid():N}"[..13] + ":";
        var random = new Random(42);

        using var cluster = MockKafkaCluster.Start(brokerCount: 1);
        foreach (var (name, partitions) in Topics.All)
        {
            cluster.CreateTopic(name, partitions);
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisAddress + ",allowAdmin=true"); // INFO commandstats
        var db = redis.GetDatabase();
        var fleet = await SeedAsync(db, prefix, vehicles, random);
        Console.WriteLine($"seeded {vehicles} vehicles into Redis ({prefix}*)");
        try
        {
            await RunSeededAsync(cluster, redisAddress, db, prefix, fleet, clients, rate, seconds, random);
        }
        finally
        {
            await DeleteKeysAsync(redis, db, prefix); // the shared test Redis is left as it was, even after a failure
        }

        return 0;
    }

    private static async Task RunSeededAsync(MockKafkaCluster cluster, string redisAddress, IDatabase db, string prefix,
        VehiclePosition[] fleet, int clients, int rate, int seconds, Random random)
    {

        await using var host = new BenchHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redisAddress,
            ["ConnectionStrings:kafka"] = cluster.BootstrapServers,
            ["Realtime:KeyPrefix"] = prefix,
            ["Realtime:ConsumerGroup"] = prefix + "group",
            ["Auth:DevSigningKeyHex"] = BenchTokens.SigningKeyHex,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var token = BenchTokens.Admin();

        await SnapshotBench.RunAsync(host.BaseAddress, token, db, prefix);
        if (Environment.GetEnvironmentVariable("FLEET_BENCH_CELL_LAYOUT") == "1")
        {
            try
            {
                await CellLayoutPrototype.RunAsync(db, prefix, fleet);
            }
            catch (Exception ex) when (ex is RedisException or RedisCommandException)
            {
                Console.WriteLine($"layout prototype failed: {ex.Message}");
            }
        }

        if (clients == 0)
        {
            return; // 0 clients: the snapshot part only
        }

        using var stages = new StageProbe();
        await using var probe = new DeliveryProbe();
        await probe.ConnectAsync(host.BaseAddress, token, clients, random);
        var consumer = host.Services.GetRequiredService<PositionsConsumerWorker>();
        while (!consumer.IsAssigned)
        {
            await Task.Delay(100);
        }

        // Processing's producer settings (KafkaExtensions.CreateProducerConfig): acks=all, idempotent, linger 5 ms, lz4.
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers, Acks = Acks.All, EnableIdempotence = true, LingerMs = 5, CompressionType = CompressionType.Lz4,
        }).Build();
        // Reference first: the same clients at a tenth of the rate, then the target rate.
        foreach (var phaseRate in new[] { Math.Max(rate / 10, 1), rate })
        {
            await MeasureAsync(producer, probe, stages, fleet, clients, phaseRate, seconds);
        }
    }

    private static async Task DeleteKeysAsync(ConnectionMultiplexer redis, IDatabase db, string prefix)
    {
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: prefix + "*"))
        {
            await db.KeyDeleteAsync(key);
        }
    }

    private static async Task MeasureAsync(IProducer<string, byte[]> producer, DeliveryProbe probe, StageProbe stages, VehiclePosition[] fleet, int clients, int rate, int seconds)
    {
        Console.WriteLine($"{clients} clients subscribed; producing {rate} points/s for {seconds} s");
        using var stop = new CancellationTokenSource();
        var producing = Task.Run(() => ProduceAsync(producer, fleet, rate, stop.Token));
        await Task.Delay(TimeSpan.FromSeconds(5)); // warm-up
        probe.Take();
        stages.Take();
        probe.Recording = true;
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var (latencies, items, frames) = probe.Take();
        var (consumeLag, frameWait) = stages.Take();
        probe.Recording = false;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds / wall.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await producing;
        var produced = rate; // the producer paces itself to the rate
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  delivery at {produced} points/s: delivered {items / wall.Elapsed.TotalSeconds:0} items/s in {frames / wall.Elapsed.TotalSeconds:0} frames/s; " +
            $"latency p50 {Percentiles.Format(Percentiles.Of(latencies, 50))} ms, p99 {Percentiles.Format(Percentiles.Of(latencies, 99))} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  stages: publish → routed p50 {Percentiles.Format(Percentiles.Of(consumeLag, 50))} ms, p99 {Percentiles.Format(Percentiles.Of(consumeLag, 99))} ms; " +
            $"frame wait p50 {Percentiles.Format(Percentiles.Of(frameWait, 50))} ms, p99 {Percentiles.Format(Percentiles.Of(frameWait, 99))} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  process (server + {clients} clients + producer): CPU {cpu * 100:0}% of one core ({Environment.ProcessorCount} cores), working set {process.WorkingSet64 / 1048576} MiB, GC heap {GC.GetTotalMemory(false) / 1048576} MiB"));
        await Task.Delay(TimeSpan.FromSeconds(10)); // drain before the next phase
    }

    private static async Task<VehiclePosition[]> SeedAsync(IDatabase db, string prefix, int count, Random random)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var fleet = Enumerable.Range(0, count).Select(i => new VehiclePosition
        {
            VehicleId = $"v-{i:000000}", DeviceId = $"d-{i:000000}", CompanyId = $"c-{i % 100:00}", GroupIds = [$"g-{i % 7}"],
            Plate = $"P{i:000000}", Name = $"Vehicle {i}", Lat = 40 + (random.NextDouble() * 10), Lon = random.NextDouble() * 10,
            Speed = random.Next(0, 90), Heading = random.Next(0, 360), Ignition = true, Fuel = 40,
            DeviceTime = now, ServerTime = now,
        }).ToArray();
        foreach (var chunk in fleet.Chunk(2000))
        {
            var batch = db.CreateBatch();
            var writes = new List<Task>();
            foreach (var v in chunk)
            {
                writes.Add(batch.HashSetAsync(prefix + "state", v.VehicleId, JsonSerializer.Serialize(PositionRouter.ToItem(v), RealtimeJsonContext.Default.SnapshotItem)));
                writes.Add(batch.GeoAddAsync(prefix + "geo", v.Lon, v.Lat, v.VehicleId));
                writes.Add(batch.GeoAddAsync(prefix + "geo:company:" + v.CompanyId, v.Lon, v.Lat, v.VehicleId));
            }

            batch.Execute();
            await Task.WhenAll(writes);
        }

        return fleet;
    }

    private static async Task<long> ProduceAsync(IProducer<string, byte[]> producer, VehiclePosition[] fleet, int rate, CancellationToken stop)
    {
        var random = new Random(7);
        var perTick = Math.Max(rate / 100, 1);
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (!stop.IsCancellationRequested)
        {
            for (var i = 0; i < perTick; i++)
            {
                var v = fleet[random.Next(fleet.Length)];
                var now = DateTimeOffset.UtcNow;
                var moved = v with { Lat = Math.Clamp(v.Lat + ((random.NextDouble() - 0.5) * 0.01), 40, 50), DeviceTime = now, ProcessedTime = now };
                producer.Produce(Topics.VehiclePositions, new Message<string, byte[]>
                {
                    Key = v.VehicleId, Value = JsonSerializer.SerializeToUtf8Bytes(moved, FleetJsonContext.Default.VehiclePosition),
                });
                sent++;
            }

            var due = TimeSpan.FromSeconds((double)sent / rate) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, CancellationToken.None);
            }
        }

        producer.Flush(TimeSpan.FromSeconds(5));
        return sent;
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
