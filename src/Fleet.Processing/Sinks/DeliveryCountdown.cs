using Confluent.Kafka;

namespace Fleet.Processing.Sinks;

/// <summary>
/// Completes once every message of a batch has a delivery report: one task per batch instead of one per message
/// (<c>ProduceAsync</c>), which cost a task, a completion source and a continuation for each point. The first failed
/// report fails the whole batch (it is then retried, and nothing is committed).
/// </summary>
internal sealed class DeliveryCountdown(int count)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending = count;

    public Task Task => _done.Task;

    public void Delivered(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError)
        {
            _done.TrySetException(new ProduceException<string, byte[]>(report.Error, report));
        }

        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _done.TrySetResult();
        }
    }
}
