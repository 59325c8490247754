using System.Diagnostics;
using System.Globalization;

namespace Fleet.Bench.Ingestion;

/// <summary>
/// Phase 2: N Teltonika devices (ACK-paced Codec 8 packets) plus M Fleet JSON batch clients against one gate for a
/// fixed time; then the acknowledged count is checked against the growth of telemetry.raw.
/// </summary>
public static class LoadBench
{
    public static async Task<bool> RunAsync(BenchOptions options, string bootstrap)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var ingestion = await IngestionProcess.StartAsync(options, bootstrap);
        Report.Line($"Ingestion pid {ingestion.Id} up, RSS {ingestion.RssMiB():F0} MiB; {options.Devices} Teltonika devices x {options.Records} records/packet, " +
            $"{options.HttpClients} HTTP clients x {options.Batch} points/batch, {options.Duration} s");

        var counters = new LoadCounters();
        var tcpLatency = new LatencyRecorder();
        var httpLatency = new LatencyRecorder();
        var devices = new List<TeltonikaDevice>();
        for (var i = 0; i < options.Devices; i++)
        {
            var device = await TeltonikaDevice.ConnectAsync(ingestion.TeltonikaPort, i, CancellationToken.None);
            if (device is null)
            {
                counters.ConnectionFailed();
            }
            else
            {
                devices.Add(device);
            }
        }

        // Warm-up (JIT, producer id, metadata) outside the measured window and outside the Kafka check's baseline.
        await WarmUpAsync(devices, options, new LoadCounters());
        var before = KafkaWatermarks.TelemetryRaw(bootstrap);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, options.HttpClients) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{ingestion.HttpPort}"), Timeout = TimeSpan.FromSeconds(60) };
        using var stopSampling = new CancellationTokenSource();
        var peakRss = ingestion.PeakRssAsync(stopSampling.Token);
        var gateCpu = ingestion.CpuSeconds();
        var benchCpu = Environment.CpuUsage.TotalTime.TotalSeconds;
        var clock = Stopwatch.StartNew();
        var until = DateTime.UtcNow.AddSeconds(options.Duration);
        var work = devices
            .Select(d => d.ReportAsync(options.Records, TimeSpan.Zero, until, tcpLatency.NewWorker(), counters, CancellationToken.None))
            .Cast<Task>()
            .Concat(Enumerable.Range(0, options.HttpClients)
                .Select(c => HttpBatchClient.RunAsync(http, c, options.Batch, until, httpLatency.NewWorker(), counters)))
            .ToList();
        await Task.WhenAll(work);
        var elapsed = clock.Elapsed;
        gateCpu = ingestion.CpuSeconds() - gateCpu;
        benchCpu = Environment.CpuUsage.TotalTime.TotalSeconds - benchCpu;
        await stopSampling.CancelAsync();
        var peak = await peakRss;
        var rssAfter = ingestion.RssMiB();
        var after = KafkaWatermarks.TelemetryRaw(bootstrap);
        foreach (var device in devices)
        {
            await device.DisposeAsync();
        }

        var grown = after - before;
        var rate = counters.AcknowledgedPoints / elapsed.TotalSeconds;
        Report.Line($"gate: {counters.AcknowledgedPoints:N0} points acknowledged in {elapsed.TotalSeconds:F1} s = {rate:N0} points/s " +
            $"(Teltonika packets {tcpLatency.Count:N0}, HTTP batches {httpLatency.Count:N0}, frames without ACK {counters.UnacknowledgedFrames}, failed logins {counters.FailedConnections})");
        Report.Line($"ACK latency Teltonika packet ({options.Records} points): p50 {tcpLatency.PercentileMs(0.5):F1} ms, p99 {tcpLatency.PercentileMs(0.99):F1} ms");
        Report.Line($"ACK latency HTTP batch ({options.Batch} points): p50 {httpLatency.PercentileMs(0.5):F1} ms, p99 {httpLatency.PercentileMs(0.99):F1} ms");
        Report.Line($"Ingestion RSS: peak {peak:F0} MiB, after load {rssAfter:F0} MiB");
        Report.Line($"CPU over the window: gate {gateCpu / elapsed.TotalSeconds:F2} cores, bench process (clients + mock broker) " +
            $"{benchCpu / elapsed.TotalSeconds:F2} cores, of {Environment.ProcessorCount}");
        Report.Metric("gate_points_per_s", rate);
        var exact = grown == counters.AcknowledgedPoints;
        Report.Line($"Kafka check: telemetry.raw high watermarks grew by {grown:N0}, acknowledged {counters.AcknowledgedPoints:N0} -> " +
            (exact ? "EXACT (nothing acknowledged that Kafka lacks)" : grown > counters.AcknowledgedPoints
                ? "Kafka holds more (points delivered for frames that got no ACK: the device resends, at-least-once)"
                : "MISSING: acknowledged points absent from Kafka"));
        return grown >= counters.AcknowledgedPoints;
    }

    private static async Task WarmUpAsync(List<TeltonikaDevice> devices, BenchOptions options, LoadCounters counters)
    {
        var until = DateTime.UtcNow.AddSeconds(2);
        await Task.WhenAll(devices.Select(d => d.ReportAsync(options.Records, TimeSpan.Zero, until, [], counters, CancellationToken.None)));
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"warm-up: {counters.AcknowledgedPoints:N0} points in 2 s (not counted)"));
    }
}
