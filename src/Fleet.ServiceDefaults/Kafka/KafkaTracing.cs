using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace Fleet.ServiceDefaults.Kafka;

/// <summary>
/// W3C trace context in Kafka headers (<c>traceparent</c>/<c>tracestate</c>), so a point's trace runs from the device
/// packet through Ingestion and Processing to the map.
/// </summary>
public static class KafkaTracing
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    /// <summary>Adds the current activity's context to <paramref name="headers"/>; no-op without an activity.</summary>
    public static Headers Inject(Activity? activity, Headers headers)
    {
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C)
        {
            return headers;
        }

        headers.Remove(TraceParentHeader);
        headers.Add(TraceParentHeader, Encoding.ASCII.GetBytes(activity.Id!));
        if (!string.IsNullOrEmpty(activity.TraceStateString))
        {
            headers.Remove(TraceStateHeader);
            headers.Add(TraceStateHeader, Encoding.ASCII.GetBytes(activity.TraceStateString));
        }

        return headers;
    }

    /// <summary>The parent context carried by a message, or default when it carries none (or a malformed one).</summary>
    public static ActivityContext Extract(Headers? headers)
    {
        if (headers is null || !headers.TryGetLastBytes(TraceParentHeader, out var parent))
        {
            return default;
        }

        string? state = headers.TryGetLastBytes(TraceStateHeader, out var stateBytes) ? Encoding.ASCII.GetString(stateBytes) : null;
        return ActivityContext.TryParse(Encoding.ASCII.GetString(parent), state, out var context) ? context : default;
    }
}
