using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fleet.AppHost.Infrastructure;

/// <summary>
/// Infrastructure as local executables on loopback with fixed ports (ENVIRONMENT.md "Aspire without Docker"):
/// works on any Debian machine without Docker, CI included. Servers come from Debian packages that
/// <c>./fleet</c> installs; Kafka is librdkafka's mock cluster hosted by Fleet.DevKafka.
/// </summary>
internal static class LocalInfrastructure
{
    private const string Loopback = "127.0.0.1";

    public static FleetInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        var state = FleetPaths.StateDirectory(builder);
        var data = Path.Combine(state, "data");
        Directory.CreateDirectory(data);
        var ports = builder.Configuration.GetSection("Fleet:Ports");
        int Port(string name, int fallback) => ports.GetValue(name, fallback);

        var kafkaPort = Port("Kafka", 9092);
        var kafka = builder.AddProject<Projects.Fleet_DevKafka>("kafka")
            .WithEnvironment("DevKafka__Host", Loopback)
            .WithEnvironment("DevKafka__Port", kafkaPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHttpHealthCheck("/health");

        var redisPort = Port("Redis", 6379);
        var redisDir = Directory.CreateDirectory(Path.Combine(data, "redis")).FullName;
        builder.Services.AddHealthChecks().AddCheck("redis-ping", new RedisPingHealthCheck(Loopback, redisPort));
        var redis = builder.AddExecutable("redis", "redis-server", redisDir,
                "--bind", Loopback, "--port", redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--dir", redisDir, "--save", "", "--appendonly", "yes", "--protected-mode", "yes")
            .WithEndpoint(port: redisPort, targetPort: redisPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck("redis-ping");

        var pgPort = Port("Postgres", 5432);
        var pgPassword = DevelopmentSecrets.ReadOrCreate(state, "postgres.password");
        builder.Services.AddHealthChecks().AddCheck("postgres-ready", new PostgresReadyHealthCheck(Loopback, pgPort));
        var postgres = builder.AddExecutable("postgres", "bash", data,
                FleetPaths.Script(builder, "run-postgres.sh"), Path.Combine(data, "postgres"), pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("FLEET_POSTGRES_PASSWORD", pgPassword)
            .WithEndpoint(port: pgPort, targetPort: pgPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck("postgres-ready");

        var chHttp = Port("ClickHouseHttp", 8123);
        var chTcp = Port("ClickHouseTcp", 9000);
        var clickhouse = builder.AddExecutable("clickhouse", "bash", data,
                FleetPaths.Script(builder, "run-clickhouse.sh"), Path.Combine(data, "clickhouse"),
                chHttp.ToString(System.Globalization.CultureInfo.InvariantCulture), chTcp.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHttpEndpoint(port: chHttp, targetPort: chHttp, name: "http", isProxied: false)
            .WithHttpHealthCheck("/ping");

        return new FleetInfrastructure(
            InfrastructureMode.Local,
            new FleetConnection("kafka", Literal($"{Loopback}:{kafkaPort}"), kafka.AsResource()),
            new FleetConnection("redis", Literal($"{Loopback}:{redisPort}"), redis.AsResource()),
            new FleetConnection("fleet", Literal($"Host={Loopback};Port={pgPort};Username=postgres;Password={pgPassword};Database=fleet"), postgres.AsResource()),
            new FleetConnection("clickhouse", Literal($"Host={Loopback};Port={chHttp};Username=default;Database=fleet"), clickhouse.AsResource()));
    }

    private static ReferenceExpression Literal(string value)
    {
        var expression = new ReferenceExpressionBuilder();
        expression.AppendLiteral(value);
        return expression.Build();
    }

    private static IResourceBuilder<IResource> AsResource<T>(this IResourceBuilder<T> builder) where T : IResource =>
        (IResourceBuilder<IResource>)builder;
}
