namespace Fleet.Tests.Processing;

/// <summary>A clock the test moves by hand, so a presence deadline can pass without waiting for it.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
