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

// The map page plays routes back from Trajectory: Realtime hands the page its address.
realtime.WithEnvironment("Realtime__TrajectoryUrl", trajectory.GetEndpoint("http"));

builder.AddFleetDevelopmentSettings(infra, ingestion, processing, realtime, trajectory);

await builder.Build().RunAsync();
