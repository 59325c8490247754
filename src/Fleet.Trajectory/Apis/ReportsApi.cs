using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Apis.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fleet.Trajectory.Apis;

/// <summary>Trips, stops and daily summaries as JSON arrays, or CSV with the same columns for <c>Accept: text/csv</c>.</summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1/reports").RequireAuthorization().WithTags("Reports");
        api.MapGet("trips", GetTrips).WithName("GetTrips").Produces<string>(StatusCodes.Status200OK, "text/csv");
        api.MapGet("stops", GetStops).WithName("GetStops").Produces<string>(StatusCodes.Status200OK, "text/csv");
        api.MapGet("summary", GetSummary).WithName("GetSummary").Produces<string>(StatusCodes.Status200OK, "text/csv");
        return app;
    }

    public static async Task<Results<Ok<List<TripRow>>, ContentHttpResult, NotFound, ProblemHttpResult>> GetTrips(
        string? vehicleId, string? from, string? to, [AsParameters] TrajectoryServices services)
    {
        var (problem, found, analysis) = await AnalyzeAsync(vehicleId, from, to, services);
        if (problem is not null)
        {
            return problem;
        }

        return analysis is null
            ? TypedResults.NotFound()
            : Rows(analysis.Trips.Select(t => ResponseMapper.Trip(found!, t)).ToList(), services);
    }

    public static async Task<Results<Ok<List<StopRow>>, ContentHttpResult, NotFound, ProblemHttpResult>> GetStops(
        string? vehicleId, string? from, string? to, [AsParameters] TrajectoryServices services)
    {
        var (problem, found, analysis) = await AnalyzeAsync(vehicleId, from, to, services);
        if (problem is not null)
        {
            return problem;
        }

        return analysis is null
            ? TypedResults.NotFound()
            : Rows(analysis.Stops.Select(s => ResponseMapper.Stop(found!, s)).ToList(), services);
    }

    /// <summary>Per vehicle per company-local day, for the caller's companies (optionally narrowed by companyId/groupId).</summary>
    public static async Task<Results<Ok<List<SummaryRow>>, ContentHttpResult, ProblemHttpResult>> GetSummary(
        string? from, string? to, string[]? companyId, string[]? groupId, [AsParameters] TrajectoryServices services)
    {
        if (PeriodQuery.TryParse(from, to, services.Options.MaxPeriod, out var period) is { } problem)
        {
            return problem;
        }

        var companies = services.User.GetCompanyScope().Restrict(companyId);
        var vehicles = companies is { Count: 0 }
            ? []
            : await services.Vehicles.ListAsync(companies, groupId ?? [], services.Aborted);
        var perVehicle = services.Options.Summaries.Materialize
            ? await services.Summaries.SummarizeAsync(vehicles, period, services.Options.SummaryParallelism, services.Aborted)
            : await services.Tracks.SummarizeFleetAsync(vehicles, period, services.Options.SummaryParallelism, services.Aborted);
        var rows = perVehicle.SelectMany((days, i) => days.Select(day => ResponseMapper.Summary(vehicles[i].Id, day))).ToList();
        return services.WantsCsv ? Csv(rows) : TypedResults.Ok(rows);
    }

    private static async Task<(ProblemHttpResult? Problem, string? VehicleId, TrackAnalysis? Analysis)> AnalyzeAsync(
        string? vehicleId, string? from, string? to, TrajectoryServices services)
    {
        if (string.IsNullOrWhiteSpace(vehicleId))
        {
            return (PeriodQuery.Invalid("vehicleId", "'vehicleId' is required."), null, null);
        }

        if (PeriodQuery.TryParse(from, to, services.Options.MaxPeriod, out var period) is { } problem)
        {
            return (problem, null, null);
        }

        if (await services.VisibleVehicleAsync(vehicleId) is null)
        {
            return (null, null, null);
        }

        return (null, vehicleId, await services.Tracks.AnalyzeAsync(vehicleId, period, services.Aborted));
    }

    private static Results<Ok<List<T>>, ContentHttpResult, NotFound, ProblemHttpResult> Rows<T>(List<T> rows, TrajectoryServices services) =>
        services.WantsCsv ? Csv(rows) : TypedResults.Ok(rows);

    private static ContentHttpResult Csv<T>(IEnumerable<T> rows) => TypedResults.Text(CsvFormatter.Format(rows), "text/csv; charset=utf-8");
}
