namespace Fleet.Simulator;

/// <summary>Settings under <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public int Vehicles { get; set; } = 300;

    public int Companies { get; set; } = 3;

    /// <summary>Centre of the simulated city (Moscow by default).</summary>
    public double CenterLat { get; set; } = 55.7558;

    public double CenterLon { get; set; } = 37.6173;

    public double RadiusKm { get; set; } = 20;

    /// <summary>How often each vehicle reports.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Seed, so a demo run is reproducible.</summary>
    public int Seed { get; set; } = 42;
}
