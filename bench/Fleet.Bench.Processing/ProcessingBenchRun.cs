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

    public async Task<BenchResult> MeasurePipelineAsync(int points)
    {
        using var host = await StartHostAsync();
        var metrics = host.Services.GetRequiredService<ProcessingMetrics>();
        var timings = host.Services.GetRequiredService<StageTimings>();
        // Timed from the first decoded batch (start-up and group join excluded), every point counted. Timing from the
        // first *finished* batch instead (the earlier method) skips the pipeline fill: up to MaxBatchesInFlight - 1
        // batches are already partly written by then, which inflated short runs (it is still printed, for comparison).
        while (!timings.Snapshot().ContainsKey("decode"))
        {
            await Task.Delay(2);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var servers = ServerCpu.Snapshot();
        var watch = Stopwatch.StartNew();
        while (metrics.PointsTotal == 0)
        {
            await Task.Delay(5);
        }

        var (firstDone, firstDoneAt) = (metrics.PointsTotal, watch.Elapsed.TotalSeconds);
        while (metrics.PointsTotal < points)
        {
            await Task.Delay(20);
        }

        var result = new BenchResult(metrics.PointsTotal, watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        Console.WriteLine($"  timed from the first finished batch instead (earlier method, skips the pipeline fill): " +
            $"{(result.Count - firstDone) / (result.Seconds - firstDoneAt):N0} points/s");
        Console.WriteLine($"  server CPU in the same interval: {ServerCpu.Delta(servers, ServerCpu.Snapshot())}");
        // Whole run incl. the first batch; sinks run concurrently, so the stages add up to more than the wall time.
        foreach (var (stage, seconds) in host.Services.GetRequiredService<StageTimings>().Snapshot().OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"  stage {stage,-14} {seconds,7:F2} s");
        }

        await host.StopAsync();
        return result;
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
