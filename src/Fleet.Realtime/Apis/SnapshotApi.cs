using System.Globalization;
using Fleet.Realtime.Hubs;
using Fleet.Realtime.State;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Fleet.Realtime.Apis;

public static class SnapshotApi
{
    /// <summary>The map's initial state and its settings; every answer is scoped to the caller's companies.</summary>
    public static IEndpointRouteBuilder MapSnapshotApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapGet("/vehicles/snapshot", GetSnapshotAsync).WithName("GetVehicleSnapshot");
        api.MapGet("/map/config", GetMapConfig).WithName("GetMapConfig");
        return app;
    }

    public static async Task<Results<SnapshotStreamResult, ProblemHttpResult>> GetSnapshotAsync(
        HttpContext context,
        [FromQuery] string? bbox,
        [FromQuery] string[]? companyId,
        [FromQuery] string[]? groupId,
        VehicleStateReader reader,
        IOptions<RealtimeOptions> options,
        TimeProvider clock)
    {
        var settings = options.Value;
        if (!BoundingBox.TryParse(bbox, out var box, out var error)
            || !box.TryCheckSize(settings.MaxBboxWidthDegrees, settings.MaxBboxHeightDegrees, out error))
        {
            return BadRequest(error);
        }

        if (!MapFilter.TryCreate(context.User.GetCompanyScope(), companyId, groupId, out var companies, out var groups))
        {
            // Another company's data answers as if it did not exist (CONTRACTS.md §4).
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Company not found",
                detail: "companyId names a company that does not exist or that this token may not see");
        }

        var asOf = clock.GetUtcNow();
        var query = new SnapshotQuery(box, companies, groups);
        if (await reader.StartAsync(query) is not { } read)
        {
            return BadRequest(string.Create(CultureInfo.InvariantCulture,
                $"more than {settings.MaxSnapshotVehicles} vehicles in this bbox (Realtime:MaxSnapshotVehicles): zoom in or filter by company/group"));
        }

        return new SnapshotStreamResult(read, asOf);
    }

    public static Ok<MapConfig> GetMapConfig(IOptions<RealtimeOptions> options)
    {
        var settings = options.Value;
        return TypedResults.Ok(new MapConfig(settings.TileUrl, settings.TileAttribution, settings.TrajectoryUrl?.TrimEnd('/'),
            MapHub.Path, settings.FrameInterval.TotalMilliseconds));
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid snapshot request", detail: detail);
}
