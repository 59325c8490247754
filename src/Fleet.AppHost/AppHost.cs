using Microsoft.Extensions.Configuration;
using Fleet.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// Kafka, Redis, PostgreSQL and ClickHouse: containers where Docker answers, local executables elsewhere (CI, our machines).
var infra = builder.AddFleetInfrastructure();

var ingestion = builder.AddProject<Projects.Fleet_Ingestion>("ingestion")
    .WithReplicas(builder.Configuration.GetValue("Fleet:Replicas:Ingestion", 1))
    .WithFleetConnection(infra.Kafka)
    .WithFleetConnection(infra.Redis)
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
