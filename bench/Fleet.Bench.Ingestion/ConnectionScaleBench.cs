using System.Diagnostics;

namespace Fleet.Bench.Ingestion;

/// <summary>
/// Phase 3: many trackers logged in at once on a fresh gate: all connect and log in, stay silent for a while, then
/// each sends a small packet every few seconds (ACK-paced) for the measured window. Reports the gate's RSS and rate.
/// </summary>
public static class ConnectionScaleBench
{
    public static async Task<bool> RunAsync(BenchOptions options, string bootstrap)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var ingestion = await IngestionProcess.StartAsync(options, bootstrap);
        var baseRss = ingestion.RssMiB();
        Report.Line($"Ingestion pid {ingestion.Id} up, RSS {baseRss:F0} MiB; connecting {options.Connections:N0} Teltonika devices");
        var counters = new LoadCounters();
        var devices = new TeltonikaDevice?[options.Connections];
        var clock = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(256))
        {
            await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    // Offset the device numbers so these IMEIs are new to the gate (first-seen path included).
                    devices[i] = await TeltonikaDevice.ConnectAsync(ingestion.TeltonikaPort, 1_000_000 + i, CancellationToken.None);
                    if (devices[i] is null)
                    {
                        counters.ConnectionFailed();
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var connected = devices.Count(d => d is not null);
        Report.Line($"{connected:N0} logged in after {clock.Elapsed.TotalSeconds:F1} s ({counters.FailedConnections} failed); RSS {ingestion.RssMiB():F0} MiB");
        await Task.Delay(TimeSpan.FromSeconds(options.Idle));
        GC.KeepAlive(devices);
        var idleRss = ingestion.RssMiB();
        Report.Line($"after {options.Idle} s idle: RSS {idleRss:F0} MiB");

        var before = KafkaWatermarks.TelemetryRaw(bootstrap);
        var latency = new LatencyRecorder();
        var pause = TimeSpan.FromSeconds(options.ConnectionInterval);
        using var stopSampling = new CancellationTokenSource();
        var peakRss = ingestion.PeakRssAsync(stopSampling.Token);
        clock.Restart();
        var until = DateTime.UtcNow.AddSeconds(options.Duration);
        var broken = 0;
        await Task.WhenAll(devices.Where(d => d is not null).Select(async d =>
        {
            var samples = latency.NewWorker();
            // Spread the first reports over one interval, as real fleets do.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * pause.TotalMilliseconds));
            if (!await d!.ReportAsync(options.ConnectionRecords, pause, until, samples, counters, CancellationToken.None))
            {
                Interlocked.Increment(ref broken);
            }
        }));
        var elapsed = clock.Elapsed;
        var rssLoaded = ingestion.RssMiB();
        await stopSampling.CancelAsync();
        var peak = await peakRss;
        var after = KafkaWatermarks.TelemetryRaw(bootstrap);
        var offered = connected * options.ConnectionRecords / options.ConnectionInterval;
        var rate = counters.AcknowledgedPoints / elapsed.TotalSeconds;
        Report.Line($"reporting {elapsed.TotalSeconds:F1} s: {counters.AcknowledgedPoints:N0} points acknowledged = {rate:N0} points/s " +
            $"(offered ~{offered:N0}/s: {connected:N0} devices x {options.ConnectionRecords} records every {options.ConnectionInterval} s); " +
            $"connections broken {broken}, frames without ACK {counters.UnacknowledgedFrames}");
        Report.Line($"ACK latency ({options.ConnectionRecords}-record packet): p50 {latency.PercentileMs(0.5):F1} ms, p99 {latency.PercentileMs(0.99):F1} ms");
        Report.Line($"Ingestion RSS with {connected:N0} connections: idle {idleRss:F0} MiB, reporting peak {peak:F0} MiB, end {rssLoaded:F0} MiB (target < 500 MB)");
        Report.Metric("connections_rss_peak_mib", peak);
        Report.Metric("connections_points_per_s", rate);
        var grown = after - before;
        Report.Line($"Kafka check: high watermarks grew by {grown:N0}, acknowledged {counters.AcknowledgedPoints:N0} -> " +
            (grown == counters.AcknowledgedPoints ? "EXACT" : grown > counters.AcknowledgedPoints ? "Kafka holds more (un-ACKed frames)" : "MISSING"));
        foreach (var device in devices)
        {
            if (device is not null)
            {
                await device.DisposeAsync();
            }
        }

        return grown >= counters.AcknowledgedPoints && peak * 1024 * 1024 < 500e6;
    }
}
