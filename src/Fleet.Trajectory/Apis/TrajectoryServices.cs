using System.Security.Claims;
using Fleet.Trajectory.Routes;
using Fleet.Trajectory.Services;
using Fleet.Trajectory.Summaries;
using Microsoft.Extensions.Options;

namespace Fleet.Trajectory.Apis;

/// <summary>What every Trajectory handler needs, bundled for <c>[AsParameters]</c>.</summary>
internal sealed record TrajectoryServices(
    HttpContext Context, VehicleDirectory Vehicles, VehicleTracks Tracks, DayRoutes Routes, DaySummaryMaterializer Summaries, IOptions<TrajectoryOptions> Settings)
{
    public TrajectoryOptions Options => Settings.Value;

    public ClaimsPrincipal User => Context.User;

    public CancellationToken Aborted => Context.RequestAborted;

    public bool WantsCsv => Context.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The vehicle when the caller may see it; null (answered as 404) when it is unknown or another company's.</summary>
    public async Task<VehicleInfo?> VisibleVehicleAsync(string vehicleId)
    {
        var vehicle = await Vehicles.FindAsync(vehicleId, Aborted);
        return vehicle is not null && User.GetCompanyScope().CanSee(vehicle.CompanyId) ? vehicle : null;
    }
}
