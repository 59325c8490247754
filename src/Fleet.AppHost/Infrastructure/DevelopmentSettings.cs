using System.Collections;
using Microsoft.Extensions.DependencyInjection;

namespace Fleet.AppHost.Infrastructure;

internal static class DevelopmentSettings
{
    /// <summary>Configuration sections that <c>./fleet up</c> may override from the environment (CONTRACTS.md §5).</summary>
    private static readonly string[] PassThroughSections = ["Ingestion__", "Processing__", "Realtime__", "Trajectory__", "History__", "Kafka__", "Auth__", "Logging__", "Demo__"];

    /// <summary>
    /// The local stack's settings: a generated JWT signing key for development tokens, environment overrides passed
    /// to the services, and the endpoints report written once every resource is healthy.
    /// </summary>
    public static void AddFleetDevelopmentSettings(this IDistributedApplicationBuilder builder, FleetInfrastructure infra,
        params IResourceBuilder<ProjectResource>[] services)
    {
        var state = FleetPaths.StateDirectory(builder);
        var signingKey = DevelopmentSecrets.ReadOrCreate(state, "jwt-signing.key", bytes: 32);
        var overrides = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => (Key: (string)e.Key, Value: e.Value?.ToString() ?? ""))
            .Where(e => PassThroughSections.Any(p => e.Key.StartsWith(p, StringComparison.Ordinal)))
            .ToList();

        foreach (var service in services)
        {
            service.WithEnvironment("Auth__DevSigningKeyHex", signingKey)
                .WithEnvironment("Auth__Issuer", DevTokens.Issuer)
                .WithEnvironment("Auth__Audience", DevTokens.Audience);
            if (infra.Mode == InfrastructureMode.Local)
            {
                // The development stack accepts devices nobody registered yet (production: Reject).
                service.WithEnvironment("Ingestion__UnknownDevices", "Accept");
            }

            foreach (var (key, value) in overrides)
            {
                service.WithEnvironment(key, value);
            }
        }

        builder.Services.AddSingleton(new EndpointsReportOptions(
            builder.Configuration["Fleet:EndpointsFile"] is { Length: > 0 } file ? file : Path.Combine(state, "endpoints.env"),
            signingKey,
            infra,
            [.. new[] { infra.Kafka, infra.Redis, infra.Postgres, infra.ClickHouse }.Select(c => c.Server.Resource.Name).Distinct(),
             .. services.Select(s => s.Resource.Name)]));
        builder.Services.AddHostedService<EndpointsReporter>();
    }
}
