namespace Fleet.Processing.Extensions;

internal static class Extensions
{
    /// <summary>Processing touches every store: Kafka in and out, Redis state, the PostgreSQL read model, ClickHouse history.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.AddKafkaHealthCheck();
        builder.AddRedisClient("redis");
        builder.AddNpgsqlDataSource("fleet");
        builder.AddClickHouseHealthCheck();
    }
}
