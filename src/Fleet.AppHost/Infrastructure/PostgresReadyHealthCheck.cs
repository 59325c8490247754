using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fleet.AppHost.Infrastructure;

/// <summary>
/// Healthy when <c>pg_isready</c> says the server accepts connections: unlike a TCP probe it is false while the
/// server is still starting up or recovering.
/// </summary>
internal sealed class PostgresReadyHealthCheck(string host, int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("pg_isready", ["-q", "-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-t", "2"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"pg_isready exit code {process.ExitCode}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return HealthCheckResult.Unhealthy("pg_isready not found (install postgresql-client)", ex);
        }
    }
}
