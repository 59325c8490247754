using Microsoft.Extensions.Configuration;

namespace Fleet.AppHost.Infrastructure;

internal static class InfrastructureExtensions
{
    public static FleetInfrastructure AddFleetInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetValue("Fleet:Infrastructure", InfrastructureMode.Auto);
        if (mode == InfrastructureMode.Auto)
        {
            mode = DockerProbe.EngineAnswers() ? InfrastructureMode.Containers : InfrastructureMode.Local;
        }

        return mode == InfrastructureMode.Containers
            ? ContainerInfrastructure.Add(builder)
            : LocalInfrastructure.Add(builder);
    }

    /// <summary>Hands a service its connection string and makes it wait until the server is healthy.</summary>
    public static IResourceBuilder<ProjectResource> WithFleetConnection(
        this IResourceBuilder<ProjectResource> project, FleetConnection connection) =>
        project
            .WithEnvironment($"ConnectionStrings__{connection.Name}", connection.Value)
            .WaitFor(connection.Server);
}
