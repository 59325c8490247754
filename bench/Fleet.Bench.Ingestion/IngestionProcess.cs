using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Fleet.Bench.Ingestion;

/// <summary>
/// The built Fleet.Ingestion executable as a child process (its RSS is its own), configured through environment
/// variables the way the AppHost does it: unknown devices accepted, rate limit off, only the Teltonika TCP and HTTP
/// listeners open.
/// </summary>
public sealed class IngestionProcess : IDisposable
{
    private readonly Process _process;

    private IngestionProcess(Process process, int teltonikaPort, int httpPort)
    {
        _process = process;
        TeltonikaPort = teltonikaPort;
        HttpPort = httpPort;
    }

    public int TeltonikaPort { get; }

    public int HttpPort { get; }

    public int Id => _process.Id;

    public static async Task<IngestionProcess> StartAsync(BenchOptions options, string bootstrap)
    {
        ArgumentNullException.ThrowIfNull(options);
        var executable = string.IsNullOrEmpty(options.Ingestion) ? DefaultExecutable() : options.Ingestion;
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException("Fleet.Ingestion executable not found (build it with -c Release or pass --ingestion)", executable);
        }

        var teltonika = FreeTcpPort();
        var http = FreeTcpPort();
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(executable)!,
        };
        var env = start.Environment;
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}";
        env["ConnectionStrings__kafka"] = bootstrap;
        env["ConnectionStrings__redis"] = options.Redis + ",abortConnect=false";
        env["Ingestion__Devices__KeyPrefix"] = options.KeyPrefix;
        env["Ingestion__UnknownDevices"] = "Accept";
        env["Ingestion__Validation__MaxPointAge"] = "3650.00:00:00";
        env["Ingestion__RateLimit__PointsPerSecond"] = "0";
        env["Ingestion__InstanceId"] = "bench";
        env["Ingestion__Ports__Teltonika"] = teltonika.ToString(CultureInfo.InvariantCulture);
        foreach (var off in new[] { "TeltonikaUdp", "Gt06", "H02", "Wialon", "OsmAnd", "Mqtt" })
        {
            env[$"Ingestion__Ports__{off}"] = "0";
        }

        env["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + executable);
        var started = new IngestionProcess(process, teltonika, http);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await PortOpenAsync(teltonika) && await PortOpenAsync(http)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                started.Dispose();
                throw new InvalidOperationException("Fleet.Ingestion did not open its ports within 60 s");
            }

            await Task.Delay(200);
        }

        return started;
    }

    /// <summary>Resident set size now, in MiB (VmRSS of /proc/pid/status).</summary>
    public double RssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    /// <summary>User + system CPU seconds the gate has used so far.</summary>
    public double CpuSeconds()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>Samples RSS every 500 ms until cancelled; returns the peak.</summary>
    public async Task<double> PeakRssAsync(CancellationToken cancellationToken)
    {
        var peak = 0.0;
        while (!cancellationToken.IsCancellationRequested && !_process.HasExited)
        {
            peak = Math.Max(peak, RssMiB());
            try
            {
                await Task.Delay(500, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static string DefaultExecutable()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Fleet.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? ".", "artifacts", "bin", "Fleet.Ingestion", "release", "Fleet.Ingestion");
    }

    private static async Task<bool> PortOpenAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
