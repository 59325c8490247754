namespace Fleet.Trajectory.Summaries;

/// <summary>Creates <c>vehicle_day_summary</c> at start-up; a database not yet reachable is retried on first use instead of failing the host.</summary>
internal sealed partial class SummaryTableMigration(VehicleDaySummaryTable table, ILogger<SummaryTableMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await table.EnsureCreatedAsync(cancellationToken);
        }
        catch (Npgsql.NpgsqlException e)
        {
            LogDeferred(e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "vehicle_day_summary not created at start-up; it is created on first use")]
    private partial void LogDeferred(Exception exception);
}
