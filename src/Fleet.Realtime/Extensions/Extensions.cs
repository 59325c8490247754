namespace Fleet.Realtime.Extensions;

internal static class Extensions
{
    /// <summary>The map gateway reads vehicle.positions from Kafka and current state from Redis (also its SignalR backplane).</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.AddKafkaHealthCheck();
        builder.AddRedisClient("redis");
        builder.AddNpgsqlDataSource("fleet");
    }
}
