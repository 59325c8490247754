using System.Globalization;
using Fleet.Trajectory.Apis.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fleet.Trajectory.Apis;

/// <summary>Raw positions, simplified route (GeoJSON) and GPX of one vehicle for a period.</summary>
internal static class VehicleHistoryApi
{
    public static IEndpointRouteBuilder MapVehicleHistoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1/vehicles").RequireAuthorization().WithTags("Vehicles");
        api.MapGet("{vehicleId}/positions", GetPositions).WithName("GetPositions");
        api.MapGet("{vehicleId}/route", GetRoute).WithName("GetRoute");
        api.MapGet("{vehicleId}/route.gpx", GetRouteGpx).WithName("GetRouteGpx")
            .Produces<string>(StatusCodes.Status200OK, "application/gpx+xml");
        return app;
    }

    /// <summary>Every stored point of the period in time order, without simplification.</summary>
    public static async Task<Results<Ok<List<PositionItem>>, NotFound, ProblemHttpResult>> GetPositions(
        string vehicleId, string? from, string? to, [AsParameters] TrajectoryServices services)
    {
        if (PeriodQuery.TryParse(from, to, services.Options.MaxPeriod, out var period) is { } problem)
        {
            return problem;
        }

        if (await services.VisibleVehicleAsync(vehicleId) is null)
        {
            return TypedResults.NotFound();
        }

        var records = await services.Tracks.ReadAsync(vehicleId, period, services.Aborted);
        return TypedResults.Ok(records.Select(ResponseMapper.Position).ToList());
    }

    /// <summary>GeoJSON Feature: the line simplified to <c>tolerance</c> metres, distance (and its source), speeds, stops, events.</summary>
    public static async Task<Results<Ok<RouteFeature>, NotFound, ProblemHttpResult>> GetRoute(
        string vehicleId, string? from, string? to, string? tolerance, [AsParameters] TrajectoryServices services)
    {
        var built = await BuildAsync(vehicleId, from, to, tolerance, services.Options.DefaultToleranceMetres, services);
        return built switch
        {
            { Problem: { } problem } => problem,
            { Route: null } => TypedResults.NotFound(),
            _ => TypedResults.Ok(ResponseMapper.Route(vehicleId, built.Period!, built.Route, built.Tolerance)),
        };
    }

    /// <summary>GPX 1.1 of the route (all cleaned points unless <c>tolerance</c> is given) with stops as waypoints.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetRouteGpx(
        string vehicleId, string? from, string? to, string? tolerance, [AsParameters] TrajectoryServices services)
    {
        var built = await BuildAsync(vehicleId, from, to, tolerance, 0, services);
        return built switch
        {
            { Problem: { } problem } => problem,
            { Route: null } => TypedResults.NotFound(),
            _ => TypedResults.File(GpxWriter.Write(vehicleId, built.Route), "application/gpx+xml", $"{vehicleId}.gpx"),
        };
    }

    private static async Task<BuiltRoute> BuildAsync(
        string vehicleId, string? from, string? to, string? tolerance, double defaultTolerance, TrajectoryServices services)
    {
        if (PeriodQuery.TryParse(from, to, services.Options.MaxPeriod, out var period) is { } problem)
        {
            return new BuiltRoute(problem);
        }

        var metres = defaultTolerance;
        if (tolerance is not null
            && (!double.TryParse(tolerance, NumberStyles.Float, CultureInfo.InvariantCulture, out metres) || !(metres >= 0) || metres > 10_000))
        {
            return new BuiltRoute(PeriodQuery.Invalid("tolerance", "'tolerance' must be a number of metres from 0 to 10000."));
        }

        if (await services.VisibleVehicleAsync(vehicleId) is not { } vehicle)
        {
            return new BuiltRoute(null);
        }

        // A simplified route is assembled from cached day pieces; every point (tolerance 0, the GPX default) is analysed afresh.
        var route = metres > 0
            ? await services.Routes.BuildAsync(vehicle, period, metres, services.Aborted)
            : Analysis.RouteBuilder.Build(await services.Tracks.AnalyzeAsync(vehicleId, period, services.Aborted), 0);
        return new BuiltRoute(null, period, route, metres);
    }
}
