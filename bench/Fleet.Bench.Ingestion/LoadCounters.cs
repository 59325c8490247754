namespace Fleet.Bench.Ingestion;

/// <summary>What the clients were told: points acknowledged, frames left without ACK, connections that failed.</summary>
public sealed class LoadCounters
{
    private long _acknowledgedPoints;
    private long _unacknowledgedFrames;
    private long _failedConnections;

    public long AcknowledgedPoints => Interlocked.Read(ref _acknowledgedPoints);

    public long UnacknowledgedFrames => Interlocked.Read(ref _unacknowledgedFrames);

    public long FailedConnections => Interlocked.Read(ref _failedConnections);

    public void Acknowledged(int points) => Interlocked.Add(ref _acknowledgedPoints, points);

    public void Unacknowledged() => Interlocked.Increment(ref _unacknowledgedFrames);

    public void ConnectionFailed() => Interlocked.Increment(ref _failedConnections);
}
