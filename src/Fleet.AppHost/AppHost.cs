using Microsoft.Extensions.Configuration;
using Fleet.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// Kafka, Redis, PostgreSQL and ClickHouse: containers where Docker answers, local executables elsewhere (CI, our machines).
var infra = builder.AddFleetInfrastructure();

var ingestion = builder.AddProject<Projects.Fleet_Ingestion>("ingestion")
    .WithReplicas(builder.Configuration.GetValue("Fleet:Replicas:Ingestion", 1))
    .WithFleetConnection(infra.Kafka)
    .WithFleetConnection(infra.Redis)
    // Device ports (CONTRACTS.md §1): proxied TCP endpoints, so replicas share them; each replica learns its own
    // target port from Ingestion__Ports__*. Teltonika UDP is bound directly on 5027 (the proxy carries TCP only).
    .WithEndpoint(port: DevicePort("Teltonika", 5027), scheme: "tcp", name: "teltonika", env: "Ingestion__Ports__Teltonika")
    .WithEndpoint(port: DevicePort("Gt06", 5023), scheme: "tcp", name: "gt06", env: "Ingestion__Ports__Gt06")
    .WithEndpoint(port: DevicePort("H02", 5013), scheme: "tcp", name: "h02", env: "Ingestion__Ports__H02")
    .WithEndpoint(port: DevicePort("Wialon", 5039), scheme: "tcp", name: "wialon", env: "Ingestion__Ports__Wialon")
    .WithEndpoint(port: DevicePort("OsmAnd", 5055), scheme: "tcp", name: "osmand", env: "Ingestion__Ports__OsmAnd")
    .WithEndpoint(port: DevicePort("Mqtt", 1883), scheme: "tcp", name: "mqtt", env: "Ingestion__Ports__Mqtt")
    .WithEnvironment("Ingestion__Ports__TeltonikaUdp", DevicePort("Teltonika", 5027).ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithHttpHealthCheck("/health");

var processing = builder.AddProject<Projects.Fleet_Processing>("processing")
    .WithFleetConnection(infra.Kafka)
    .WithFleetConnection(infra.Redis)
    .WithFleetConnection(infra.Postgres)
    .WithFleetConnection(infra.ClickHouse)
    .WithHttpHealthCheck("/health");

var realtime = builder.AddProject<Projects.Fleet_Realtime>("realtime")
    .WithReplicas(builder.Configuration.GetValue("Fleet:Replicas:Realtime", 1))
    .WithFleetConnection(infra.Kafka)
    .WithFleetConnection(infra.Redis)
    .WithFleetConnection(infra.Postgres)
    .WithHttpHealthCheck("/health");

var trajectory = builder.AddProject<Projects.Fleet_Trajectory>("trajectory")
    .WithFleetConnection(infra.Postgres)
    .WithFleetConnection(infra.ClickHouse)
    .WithHttpHealthCheck("/health");

// The map page plays routes back from Trajectory: Realtime hands the page its address.
realtime.WithEnvironment("Realtime__TrajectoryUrl", trajectory.GetEndpoint("http"));

builder.AddFleetDevelopmentSettings(infra, ingestion, processing, realtime, trajectory);

// The demo fleet (./fleet up without --no-demo): reference data plus simulated vehicles through Ingestion's HTTP API.
if (builder.Configuration.GetValue("Demo:Enabled", false))
{
    builder.AddProject<Projects.Fleet_Simulator>("demo-fleet")
        .WithFleetConnection(infra.Kafka)
        .WithReference(ingestion)
        .WaitFor(ingestion)
        .WaitFor(processing)
        .WithHttpHealthCheck("/health")
        .WithEnvironment(context =>
        {
            // Demo__Vehicles=2000 ./fleet up sizes the demo fleet.
            foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            {
                if (e.Key is string key && key.StartsWith("Demo__", StringComparison.Ordinal))
                {
                    context.EnvironmentVariables[key] = e.Value?.ToString() ?? "";
                }
            }
        });
}

await builder.Build().RunAsync();

// Device ports are overridable like the infrastructure ports (Fleet:Ports:Teltonika, ...), so test stacks can move them.
int DevicePort(string name, int fallback) => builder.Configuration.GetValue($"Fleet:Ports:{name}", fallback);
