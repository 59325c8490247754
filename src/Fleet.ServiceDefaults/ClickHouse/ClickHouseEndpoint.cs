using System.Data.Common;
using System.Globalization;

namespace Fleet.ServiceDefaults.ClickHouse;

/// <summary>The parts of a ClickHouse.Driver connection string (<c>Host=..;Port=..;Database=..</c>) that raw HTTP calls need.</summary>
public sealed record ClickHouseEndpoint(Uri BaseUri, string Database, string Username, string Password)
{
    public static ClickHouseEndpoint Parse(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string Get(string key, string fallback) =>
            builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text ? text : fallback;

        var protocol = Get("Protocol", "http");
        var host = Get("Host", "localhost");
        var port = int.Parse(Get("Port", protocol == "https" ? "8443" : "8123"), CultureInfo.InvariantCulture);
        return new ClickHouseEndpoint(
            new Uri($"{protocol}://{host}:{port}/"),
            Get("Database", "default"),
            Get("Username", "default"),
            Get("Password", ""));
    }
}
