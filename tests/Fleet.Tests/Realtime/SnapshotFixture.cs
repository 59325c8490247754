namespace Fleet.Tests.Realtime;

/// <summary>A Realtime host with a small snapshot limit so the "too many vehicles" answer can be reached.</summary>
public sealed class SnapshotFixture : RealtimeFixture
{
    public const int MaxVehicles = 20;

    protected override double[] ObserverBox => [-45, -90, 45, 90];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Realtime:MaxSnapshotVehicles"] = MaxVehicles.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Realtime:MaxBboxWidthDegrees"] = "90",
    };
}
