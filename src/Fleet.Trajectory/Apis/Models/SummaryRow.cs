namespace Fleet.Trajectory.Apis.Models;

/// <summary>One vehicle-day of the summary report; <see cref="Date"/> is the owning company's local day.</summary>
public sealed record SummaryRow(
    string VehicleId, DateOnly Date, double DistanceKm, double EngineHours, double MaxSpeed, double AvgSpeed, double FuelUsed);
