using System.Globalization;
using Fleet.Trajectory.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fleet.Trajectory.Apis;

/// <summary>
/// Parses <c>from</c>/<c>to</c> (ISO 8601; a value without offset is UTC) and enforces the configured maximum period.
/// Every failure is a 400 problem+json that names the parameter or the limit, never a bare 400.
/// </summary>
internal static class PeriodQuery
{
    public static ProblemHttpResult? TryParse(string? from, string? to, TimeSpan maxPeriod, out Period period)
    {
        period = new Period(default, default);
        if (!TryParseTime(from, out var fromTime))
        {
            return Invalid("from", $"'from' must be an ISO 8601 UTC time, e.g. 2026-11-26T00:00:00Z (got '{from}').");
        }

        if (!TryParseTime(to, out var toTime))
        {
            return Invalid("to", $"'to' must be an ISO 8601 UTC time, e.g. 2026-11-27T00:00:00Z (got '{to}').");
        }

        if (toTime <= fromTime)
        {
            return Invalid("to", "'to' must be later than 'from'.");
        }

        if (toTime - fromTime > maxPeriod)
        {
            return TypedResults.Problem(
                title: "Period too long",
                detail: $"The period from..to may be at most {Describe(maxPeriod)} (setting Trajectory:MaxPeriod); split the request.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["maxPeriod"] = maxPeriod.ToString("c", CultureInfo.InvariantCulture) });
        }

        period = new Period(fromTime, toTime);
        return null;
    }

    public static ProblemHttpResult Invalid(string parameter, string detail) => TypedResults.Problem(
        title: $"Invalid parameter '{parameter}'",
        detail: detail,
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    private static bool TryParseTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static string Describe(TimeSpan span) => span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays)
        ? $"{span.TotalDays.ToString(CultureInfo.InvariantCulture)} days"
        : span.ToString("c", CultureInfo.InvariantCulture);
}
