using Fleet.Trajectory.Analysis;
using Fleet.Trajectory.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fleet.Trajectory.Apis;

/// <summary>Outcome of building a route: a problem, not found (no route), or the route with what it was built from.</summary>
internal sealed record BuiltRoute(
    ProblemHttpResult? Problem, Period? Period = null, RouteResult? Route = null, double Tolerance = 0);
