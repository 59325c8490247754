using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Fleet.Ingestion.Diagnostics;

namespace Fleet.Tests.Ingestion;

/// <summary>Listens to one host's <c>Fleet.Ingestion</c> meter (by its meter factory scope) and sums counters per reason.</summary>
public sealed class IngestionMetricsProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public IngestionMetricsProbe(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IngestionMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    reason = tag.Value as string;
                }
            }

            _totals.AddOrUpdate(instrument.Name + "|" + reason, value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long Total(string instrument, string? reason = null) => _totals.GetValueOrDefault(instrument + "|" + reason);

    public void Dispose() => _listener.Dispose();
}
