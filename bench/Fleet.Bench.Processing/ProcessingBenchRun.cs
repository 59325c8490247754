using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using Fleet.Contracts;
using Fleet.Contracts.Events;
using Fleet.Contracts.Telemetry;
using Fleet.DevKafka;
using Fleet.Processing.Diagnostics;
using Fleet.Processing.Extensions;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Fleet.Bench.Processing;

/// <summary>
/// One run: an in-process mock Kafka cluster, the real Processing pipeline (AddProcessingPipeline) on the test Redis,
/// PostgreSQL and ClickHouse. The reference is the raw consume rate of the same pre-loaded topic in the same process.
/// </summary>
internal sealed class ProcessingBenchRun(string name, string postgres, string clickHouse, int vehicles,
    IReadOnlyDictionary<string, string> settings) : IDisposable
{
    private readonly MockKafkaCluster _kafka = StartKafka();
    private readonly string _prefix = name + ":";

    private static MockKafkaCluster StartKafka()
    {
        var cluster = MockKafkaCluster.Start(brokerCount: 1);
        foreach (var (topic, partitions) in Topics.All)
        {
            cluster.CreateTopic(topic, partitions);
        }

        return cluster;
    }

    private IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:kafka"] = _kafka.BootstrapServers,
        ["ConnectionStrings:redis"] = BenchEnvironment.Redis,
        ["ConnectionStrings:fleet"] = postgres,
        ["ConnectionStrings:clickhouse"] = clickHouse,
        ["Processing:KeyPrefix"] = _prefix,
        ["Kafka:Consumer:session.timeout.ms"] = "6000",
    }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))).Build();

    /// <summary>100 companies, 10k drivers, vehicles and devices through the real reference consumer.</summary>
    public async Task LoadReferenceAsync()
    {
        using (var producer = new ProducerBuilder<string, byte[]>(KafkaExtensions.CreateProducerConfig(Configuration)).Build())
        {
            for (var c = 0; c < 100; c++)
            {
                Send(producer, Topics.CompanyUpdated, $"c-{c}", JsonSerializer.SerializeToUtf8Bytes(new CompanyUpdated($"c-{c}", 1, $"Company {c}", "pro", "UTC"), FleetJsonContext.Default.CompanyUpdated));
            }

            for (var v = 0; v < vehicles; v++)
            {
                Send(producer, Topics.DriverUpdated, $"d-{v}", JsonSerializer.SerializeToUtf8Bytes(new DriverUpdated($"d-{v}", 1, $"c-{v % 100}", $"Driver {v}", null), FleetJsonContext.Default.DriverUpdated));
                Send(producer, Topics.VehicleUpdated, $"v-{v}", JsonSerializer.SerializeToUtf8Bytes(
                    new VehicleUpdated($"v-{v}", 1, $"c-{v % 100}", $"dev-{v}", $"P{v}", $"Truck {v}", [$"g-{v % 10}"], $"d-{v}"), FleetJsonContext.Default.VehicleUpdated));
                Send(producer, Topics.DeviceUpdated, $"dev-{v}", JsonSerializer.SerializeToUtf8Bytes(new DeviceUpdated($"dev-{v}", 1, true, null, "teltonika"), FleetJsonContext.Default.DeviceUpdated));
            }

            producer.Flush(TimeSpan.FromSeconds(60));
        }

        using var host = await StartHostAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(BenchEnvironment.Redis);
        var db = redis.GetDatabase();
        var watch = Stopwatch.StartNew();
        while (await db.HashLengthAsync(_prefix + "ref:vehicles") < vehicles || await db.HashLengthAsync(_prefix + "devices") < vehicles)
        {
            await Task.Delay(200);
        }

        Console.WriteLine($"reference data ({4 * vehicles + 100:N0} events) applied in {watch.Elapsed.TotalSeconds:F1} s");
        await host.StopAsync();
    }

    public void PreloadTelemetry(int points)
    {
        // Round-robin over the vehicles, one second apart per vehicle: the warm-up, measured and tail points are one
        // continuous stream.
        using var producer = new ProducerBuilder<string, byte[]>(KafkaExtensions.CreateProducerConfig(Configuration)).Build();
        var start = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 0; i < points; i++)
        {
            var v = i % vehicles;
            var step = i / vehicles;
            var message = new TelemetryMessage
            {
                DeviceId = $"dev-{v}",
                DeviceTimeMs = start + step * 1000L,
                ServerTimeMs = now,
                Lat = 55 + v * 0.0001 + step * 0.00001,
                Lon = 37 + v * 0.0001,
                Valid = true,
                SpeedKmh = step % 50,
                Heading = 90,
                Ignition = true,
                Satellites = 9,
                Protocol = "teltonika",
            };
            while (true)
            {
                try
                {
                    producer.Produce(Topics.TelemetryRaw, new Message<string, byte[]> { Key = message.DeviceId, Value = message.ToByteArray() });
                    break;
                }
                catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(50));
                }
            }
        }

        producer.Flush(TimeSpan.FromMinutes(2));
    }

    public BenchResult MeasureRawConsume(int points)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(KafkaExtensions.CreateConsumerConfig(Configuration, name + "-raw")).Build();
        consumer.Subscribe(Topics.TelemetryRaw);
        var count = 0L;
        var cpu = TimeSpan.Zero;
        var watch = new Stopwatch();
        while (count < points)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } result)
            {
                // Timed from the first message: group join is start-up, not throughput.
                if (count == 0)
                {
                    cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    watch.Start();
                }

                // The same decode the pipeline starts with, so the reference is "read and parse", not just bytes.
                _ = TelemetryMessage.Parser.ParseFrom(result.Message.Value);
                count++;
            }
        }

        consumer.Close();
        return new BenchResult(count, watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>
    /// Runs the pipeline over the whole pre-loaded topic (<paramref name="warmup"/> + <paramref name="measured"/> + tail
    /// points) and reports two intervals: the whole run from the first decoded batch (start-up and group join excluded,
    /// JIT warm-up and pipeline fill included: the figure of earlier sessions), and the steady state: from the batch
    /// completion that passes the warm-up to the one that passes warm-up + measured, with the tail still queued behind it,
    /// so batches are in flight at both ends and neither the fill nor the drain is counted.
    /// </summary>
    public async Task<(BenchResult Whole, BenchResult Steady)> MeasurePipelineAsync(int warmup, int measured, int total)
    {
        using var host = await StartHostAsync();
        var metrics = host.Services.GetRequiredService<ProcessingMetrics>();
        var timings = host.Services.GetRequiredService<StageTimings>();
        while (!timings.Snapshot().ContainsKey("decode"))
        {
            await Task.Delay(2);
        }

        var first = IntervalMark.Take(0, timings.Snapshot());
        var warm = await WaitForAsync(metrics, timings, warmup);
        var steadyEnd = await WaitForAsync(metrics, timings, warmup + measured);
        var end = await WaitForAsync(metrics, timings, total);
        var steady = steadyEnd.Report(warm, $"processing, steady state after {warm.Points:N0} warm-up points");
        var whole = end.Report(first, "processing, whole run from the first decoded batch (earlier sessions' method)");
        await host.StopAsync();
        return (whole, steady);
    }

    private static async Task<IntervalMark> WaitForAsync(ProcessingMetrics metrics, StageTimings timings, long points)
    {
        var (last, since) = (metrics.PointsTotal, Stopwatch.StartNew());
        while (metrics.PointsTotal < points)
        {
            await Task.Delay(2);
            if (metrics.PointsTotal != last)
            {
                (last, since) = (metrics.PointsTotal, Stopwatch.StartNew());
            }
            else if (since.Elapsed > TimeSpan.FromSeconds(60))
            {
                // The mock broker keeps ~5 MiB per partition: a pre-load too large loses its oldest points.
                throw new InvalidOperationException($"stalled at {last:N0} of {points:N0} points (pre-load trimmed by the mock broker?)");
            }
        }

        return IntervalMark.Take(metrics.PointsTotal, timings.Snapshot());
    }

    private async Task<IHost> StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(Configuration);
        builder.AddRedisClient("redis");
        builder.AddNpgsqlDataSource("fleet");
        builder.AddProcessingPipeline();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static void Send(IProducer<string, byte[]> producer, string topic, string key, byte[] value) =>
        producer.Produce(topic, new Message<string, byte[]> { Key = key, Value = value });

    public void Dispose() => _kafka.Dispose();
}
