namespace Fleet.AppHost.Infrastructure;

/// <summary>The four infrastructure connections every mode provides.</summary>
internal sealed record FleetInfrastructure(
    InfrastructureMode Mode,
    FleetConnection Kafka,
    FleetConnection Redis,
    FleetConnection Postgres,
    FleetConnection ClickHouse);
