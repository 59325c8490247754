using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>Reads a required connection string with an error that says which one is missing.</summary>
public static class ConnectionStrings
{
    public static string Require(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Connection string '{name}' is missing: set ConnectionStrings__{name} (the AppHost does this).");
}
