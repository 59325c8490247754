namespace Fleet.Ingestion.Extensions;

internal static class Extensions
{
    /// <summary>Clients and checks the gate needs: Kafka to publish into, Redis for device credentials.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.AddKafkaHealthCheck();
        builder.AddRedisClient("redis");
    }
}
