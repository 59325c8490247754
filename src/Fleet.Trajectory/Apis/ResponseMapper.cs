using Fleet.History;
using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Apis.Models;
using Fleet.Trajectory.Services;

namespace Fleet.Trajectory.Apis;

/// <summary>Analysis results → the JSON shapes of CONTRACTS.md §4.</summary>
internal static class ResponseMapper
{
    public static PositionItem Position(HistoryRecord r) =>
        new(r.DeviceTime.UtcDateTime, r.Lat, r.Lon, r.Speed, r.Heading, r.Altitude, r.Ignition, r.Fuel, r.Satellites);

    public static RouteFeature Route(string vehicleId, Period period, RouteResult route, double tolerance) => new(
        new RouteGeometry(route.Points.Select(p => new[] { p.Lon, p.Lat }).ToList()),
        new RouteProperties(
            vehicleId,
            period.From.UtcDateTime,
            period.To.UtcDateTime,
            route.DistanceKm,
            route.DistanceSource,
            route.GpsKm,
            route.DurationS,
            route.MaxSpeed,
            route.AvgSpeed,
            route.PointCount,
            route.SourcePointCount,
            tolerance,
            route.Stops.Select(s => new RouteStop(s.Lat, s.Lon, s.Start.UtcDateTime, s.End.UtcDateTime, s.DurationS)).ToList(),
            route.Events.Select(Event).ToList()));

    public static TripRow Trip(string vehicleId, TripItem t) => new(
        vehicleId, t.Start.UtcDateTime, t.End.UtcDateTime, t.StartLat, t.StartLon, t.EndLat, t.EndLon,
        t.DistanceKm, t.DurationS, t.MaxSpeed, t.AvgSpeed);

    public static StopRow Stop(string vehicleId, StopItem s) =>
        new(vehicleId, s.Start.UtcDateTime, s.End.UtcDateTime, s.Lat, s.Lon, s.DurationS);

    public static SummaryRow Summary(string vehicleId, DailySummary d) =>
        new(vehicleId, d.Day, d.DistanceKm, d.EngineHours, d.MaxSpeed, d.AvgSpeed, d.FuelUsedLitres);

    private static RouteEvent Event(TrackEvent e) => new(e.Time.UtcDateTime, e.Lat, e.Lon, e.Type switch
    {
        TrackEventType.IgnitionOn => "ignitionOn",
        TrackEventType.IgnitionOff => "ignitionOff",
        TrackEventType.Alarm => "alarm",
        TrackEventType.Offline => "offline",
        _ => "online",
    }, e.Alarm);
}
