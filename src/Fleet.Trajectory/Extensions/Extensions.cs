using Fleet.History;
using Fleet.Trajectory.Services;
using Fleet.Trajectory.Routes;
using Fleet.Trajectory.Summaries;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fleet.Trajectory.Extensions;

internal static class Extensions
{
    /// <summary>Reports read history from the history store and reference data (owners, time zones) from PostgreSQL — never Redis.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        builder.AddNpgsqlDataSource("fleet");
        builder.AddFleetAuthentication();
        builder.AddFleetHistoryStore();
        if (builder.Configuration.GetValue("History:Store", HistoryStoreKind.ClickHouse) == HistoryStoreKind.ClickHouse)
        {
            builder.AddClickHouseHealthCheck();
        }

        builder.Services.AddOptions<TrajectoryOptions>().BindConfiguration("Trajectory");
        builder.Services.AddSingleton<VehicleDirectory>();
        builder.Services.AddSingleton<VehicleTracks>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<VehicleDaySummaryTable>();
        builder.Services.AddSingleton<DaySummaryMaterializer>();
        builder.Services.AddSingleton<VehicleDayRouteTable>();
        builder.Services.AddSingleton<DayRoutes>();
        builder.Services.AddHostedService<SummaryTableMigration>();
        builder.Services.AddHostedService<DaySummaryPrecomputeWorker>();
    }
}
