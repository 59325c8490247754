namespace Fleet.AppHost.Infrastructure;

/// <summary>
/// Infrastructure as Docker containers for a developer machine with Docker (F5): real Apache Kafka in KRaft mode,
/// Redis, PostgreSQL and a current ClickHouse LTS, each with a data volume and a persistent lifetime.
/// Aspire.Hosting.Kafka is not served on our registry, so Kafka and ClickHouse are modelled as plain containers.
/// </summary>
internal static class ContainerInfrastructure
{
    public static FleetInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        // Single KRaft node; the advertised listener is the host port, so services outside Docker reach it.
        var kafka = builder.AddContainer("kafka", "apache/kafka", "4.1.0")
            .WithEndpoint(port: 9092, targetPort: 9092, scheme: "tcp", name: "tcp", isProxied: false)
            .WithEnvironment("KAFKA_NUM_PARTITIONS", "12")
            .WithEnvironment("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
            .WithVolume("fleet-kafka-data", "/var/lib/kafka/data")
            .WithLifetime(ContainerLifetime.Persistent);

        var redis = builder.AddRedis("redis")
            .WithDataVolume("fleet-redis-data")
            .WithLifetime(ContainerLifetime.Persistent);

        var postgres = builder.AddPostgres("postgres")
            .WithDataVolume("fleet-postgres-data")
            .WithLifetime(ContainerLifetime.Persistent);
        var fleetDb = postgres.AddDatabase("fleet");

        var chPassword = builder.AddParameter("clickhouse-password", secret: true);
        var clickhouse = builder.AddContainer("clickhouse", "clickhouse/clickhouse-server", "25.8")
            .WithHttpEndpoint(targetPort: 8123, name: "http")
            .WithEnvironment("CLICKHOUSE_DB", "fleet")
            .WithEnvironment("CLICKHOUSE_USER", "fleet")
            .WithEnvironment("CLICKHOUSE_PASSWORD", chPassword)
            .WithEnvironment("CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT", "1")
            .WithVolume("fleet-clickhouse-data", "/var/lib/clickhouse")
            .WithHttpHealthCheck("/ping")
            .WithLifetime(ContainerLifetime.Persistent);
        var chHttp = clickhouse.GetEndpoint("http");

        return new FleetInfrastructure(
            InfrastructureMode.Containers,
            new FleetConnection("kafka", ReferenceExpression.Create($"{kafka.GetEndpoint("tcp").Property(EndpointProperty.HostAndPort)}"), kafka),
            new FleetConnection("redis", redis.Resource.ConnectionStringExpression, redis),
            new FleetConnection("fleet", fleetDb.Resource.ConnectionStringExpression, fleetDb),
            new FleetConnection("clickhouse",
                ReferenceExpression.Create($"Host={chHttp.Property(EndpointProperty.Host)};Port={chHttp.Property(EndpointProperty.Port)};Username=fleet;Password={chPassword};Database=fleet"),
                clickhouse));
    }
}
