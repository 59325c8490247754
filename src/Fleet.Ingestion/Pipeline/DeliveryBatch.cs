using System.Diagnostics;
using Confluent.Kafka;

namespace Fleet.Ingestion.Pipeline;

/// <summary>
/// Collects the delivery reports of one frame's messages: completes when every report is in, and is successful only
/// when every message was persisted. Releases each message's budget share as its report arrives.
/// </summary>
internal sealed class DeliveryBatch
{
    private readonly TaskCompletionSource<string?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly InFlightBudget _budget;
    private readonly Action<TimeSpan> _latency;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private int _pending;
    private string? _failure;

    public DeliveryBatch(int count, InFlightBudget budget, Action<TimeSpan> latency)
    {
        _pending = count;
        _budget = budget;
        _latency = latency;
    }

    /// <summary>Null when every message is in Kafka; otherwise the first failure.</summary>
    public Task<string?> Completion => _done.Task;

    public void OnReport(DeliveryReport<string, byte[]> report, long bytes)
    {
        _budget.Release(bytes);
        _latency(Stopwatch.GetElapsedTime(_startedAt));
        // Persisted only: PossiblyPersisted is not good enough to tell a device its data is safe.
        var failure = report.Error.IsError
            ? report.Error.Reason
            : report.Status == PersistenceStatus.Persisted ? null : "delivery status " + report.Status;
        Complete(failure);
    }

    /// <summary>A message that never reached librdkafka (queue full, producer closed).</summary>
    public void OnNotProduced(string reason, long bytes)
    {
        _budget.Release(bytes);
        Complete(reason);
    }

    private void Complete(string? failure)
    {
        if (failure is not null)
        {
            Interlocked.CompareExchange(ref _failure, failure, null);
        }

        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _done.TrySetResult(Volatile.Read(ref _failure));
        }
    }
}
