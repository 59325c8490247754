using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary><c>/api/v1/info</c>: tells a person which service answers and where its API description and health live.</summary>
public static class ServiceInfoApi
{
    public static WebApplication MapServiceInfo(this WebApplication app)
    {
        var info = new ServiceInfo(app.Environment.ApplicationName, "/openapi/v1.json", "/health");
        app.MapGet("/api/v1/info", () => TypedResults.Ok(info)).WithName("GetServiceInfo");
        return app;
    }
}
