namespace Fleet.Trajectory.Extensions;

internal static class ServiceInfoApi
{
    /// <summary>A root answer that tells a person which service this is and where its API description lives.</summary>
    public static IEndpointRouteBuilder MapServiceInfo(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/info", () => TypedResults.Ok(new ServiceInfo("Fleet.Trajectory", "/openapi/v1.json", "/health")))
            .WithName("GetServiceInfo");
        return app;
    }
}
