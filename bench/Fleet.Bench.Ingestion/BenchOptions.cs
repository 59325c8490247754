using System.Globalization;

namespace Fleet.Bench.Ingestion;

/// <summary>Command-line options (<c>--name value</c>); defaults keep one full run under ~2 minutes on 2 cores.</summary>
public sealed class BenchOptions
{
    /// <summary>all, raw, load or connections.</summary>
    public string Mode { get; private set; } = "all";

    /// <summary>Seconds of load in each timed phase.</summary>
    public int Duration { get; private set; } = 20;

    /// <summary>Concurrent Teltonika TCP devices in the load phase.</summary>
    public int Devices { get; private set; } = 200;

    /// <summary>AVL records per Codec 8 packet.</summary>
    public int Records { get; private set; } = 25;

    public int HttpClients { get; private set; } = 4;

    /// <summary>Points per Fleet JSON batch (the gate allows up to 1000).</summary>
    public int Batch { get; private set; } = 500;

    public int Connections { get; private set; } = 10_000;

    /// <summary>Records per packet in the connection-scale mode.</summary>
    public int ConnectionRecords { get; private set; } = 10;

    /// <summary>Seconds between two packets of one connection in the connection-scale mode.</summary>
    public double ConnectionInterval { get; private set; } = 2;

    /// <summary>Seconds every connection stays idle (logged in, silent) before reporting.</summary>
    public int Idle { get; private set; } = 10;

    /// <summary>External Kafka bootstrap; empty = librdkafka's mock cluster in this process.</summary>
    public string Bootstrap { get; private set; } = "";

    public string Redis { get; private set; } = Environment.GetEnvironmentVariable("FLEET_TEST_REDIS") ?? "127.0.0.1:16379";

    /// <summary>The Fleet.Ingestion executable; empty = the Release build in artifacts/.</summary>
    public string Ingestion { get; private set; } = "";

    /// <summary>Redis key prefix of the Ingestion instance (its devices hash, devices:seen).</summary>
    public string KeyPrefix { get; private set; } = Environment.GetEnvironmentVariable("FLEET_BENCH_KEY_PREFIX") ?? "fleet-bench:" + Guid.NewGuid().ToString("N")[..8] + ":fleet:";

    public bool Runs(string mode) => Mode == "all" || Mode == mode;

    public static BenchOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"option '{args[i]}' needs a value");
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--mode": options.Mode = value; break;
                case "--duration": options.Duration = Int(value); break;
                case "--devices": options.Devices = Int(value); break;
                case "--records": options.Records = Int(value); break;
                case "--http-clients": options.HttpClients = Int(value); break;
                case "--batch": options.Batch = Int(value); break;
                case "--connections": options.Connections = Int(value); break;
                case "--connection-records": options.ConnectionRecords = Int(value); break;
                case "--connection-interval": options.ConnectionInterval = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--idle": options.Idle = Int(value); break;
                case "--bootstrap": options.Bootstrap = value; break;
                case "--redis": options.Redis = value; break;
                case "--ingestion": options.Ingestion = value; break;
                case "--key-prefix": options.KeyPrefix = value; break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        if (options.Mode is not ("all" or "raw" or "load" or "connections"))
        {
            throw new ArgumentException("--mode is all, raw, load or connections");
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
