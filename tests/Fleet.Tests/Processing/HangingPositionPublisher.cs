using Fleet.Processing.Sinks;

namespace Fleet.Tests.Processing;

/// <summary>
/// Wraps the real publisher and, from call <paramref name="hangFrom"/> on, never returns: the batch's other side
/// effects are done, its commit never happens — what a crash between side effects and commit leaves behind. With
/// <paramref name="afterPublish"/> the hanging batch's messages are published first (a crash between publish and commit).
/// </summary>
internal sealed class HangingPositionPublisher(IPositionPublisher inner, int hangFrom, bool afterPublish = false) : IPositionPublisher
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public async Task PublishAsync(IReadOnlyList<EnrichedPoint> points, CancellationToken cancellationToken)
    {
        var hang = Interlocked.Increment(ref _calls) >= hangFrom;
        if (hang && afterPublish)
        {
            await inner.PublishAsync(points, cancellationToken);
        }

        if (hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await inner.PublishAsync(points, cancellationToken);
    }
}
