namespace Fleet.Tests.Infrastructure;

/// <summary>
/// Where the real servers for tests are: set by <c>./fleet test</c> (which starts them), with the same defaults
/// so a developer can also start them by hand. Kafka is the librdkafka mock cluster, started in-process unless
/// FLEET_TEST_KAFKA names one.
/// </summary>
public static class TestServers
{
    public static string Redis => Env("FLEET_TEST_REDIS", "127.0.0.1:16379");

    /// <summary>Connection string of a superuser on the test PostgreSQL; fixtures create their own databases.</summary>
    public static string Postgres => Env("FLEET_TEST_POSTGRES", "Host=127.0.0.1;Port=15432;Username=postgres;Password=fleet-test");

    /// <summary>ClickHouse.Driver connection string; fixtures create their own databases.</summary>
    public static string ClickHouse => Env("FLEET_TEST_CLICKHOUSE", "Host=127.0.0.1;Port=18123;Username=default");

    public static string? Kafka => Environment.GetEnvironmentVariable("FLEET_TEST_KAFKA") is { Length: > 0 } k ? k : null;

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;

    /// <summary>A short unique name for per-fixture databases, key prefixes and consumer groups.</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
