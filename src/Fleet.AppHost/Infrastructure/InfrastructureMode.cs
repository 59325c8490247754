namespace Fleet.AppHost.Infrastructure;

/// <summary>How Kafka, Redis, PostgreSQL and ClickHouse run (setting <c>Fleet:Infrastructure</c>).</summary>
internal enum InfrastructureMode
{
    /// <summary>Containers when a Docker engine answers, local executables otherwise.</summary>
    Auto,

    /// <summary>Docker containers: real Apache Kafka (KRaft), Redis, PostgreSQL, a current ClickHouse LTS.</summary>
    Containers,

    /// <summary>Executables on loopback: redis-server, postgres, clickhouse-server, librdkafka's mock cluster.</summary>
    Local,
}
