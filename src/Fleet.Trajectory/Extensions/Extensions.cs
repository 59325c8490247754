namespace Fleet.Trajectory.Extensions;

internal static class Extensions
{
    /// <summary>Reports read history from ClickHouse and reference data (companies, time zones) from PostgreSQL — never Redis.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.AddNpgsqlDataSource("fleet");
        builder.AddClickHouseHealthCheck();
    }
}
