using Fleet.Ingestion.Options;
using Microsoft.Extensions.Options;

namespace Fleet.Ingestion.Pipeline;

/// <summary>
/// Bytes handed to Kafka and not yet confirmed, across the whole process. When Kafka is slow the budget fills and
/// new frames wait briefly, then are refused (503 / no ACK) instead of piling up in memory.
/// </summary>
public sealed class InFlightBudget(IOptions<IngestionOptions> options, TimeProvider clock)
{
    private readonly long _limit = options.Value.Publish.MaxInFlightBytes;
    private readonly TimeSpan _wait = options.Value.Publish.BudgetWait;
    private long _used;

    public long Used => Interlocked.Read(ref _used);

    public async ValueTask<bool> TryAcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        if (TryAcquire(bytes))
        {
            return true;
        }

        var deadline = clock.GetUtcNow() + _wait;
        while (clock.GetUtcNow() < deadline)
        {
            // Only reached under overload; polling keeps the fast path free of any wait machinery.
            await Task.Delay(TimeSpan.FromMilliseconds(10), clock, cancellationToken).ConfigureAwait(false);
            if (TryAcquire(bytes))
            {
                return true;
            }
        }

        return false;
    }

    public void Release(long bytes) => Interlocked.Add(ref _used, -bytes);

    private bool TryAcquire(long bytes)
    {
        while (true)
        {
            var used = Interlocked.Read(ref _used);
            // One frame larger than the whole budget still passes when nothing else is in flight, or it could never go.
            if (used + bytes > _limit && used > 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + bytes, used) == used)
            {
                return true;
            }
        }
    }
}
