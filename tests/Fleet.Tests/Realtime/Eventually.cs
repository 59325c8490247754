namespace Fleet.Tests.Realtime;

/// <summary>Waits for an outcome by polling with a generous deadline (no timed assertions).</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"timed out waiting for {what}");
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }
}
