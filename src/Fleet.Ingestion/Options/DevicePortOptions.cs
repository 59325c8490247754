namespace Fleet.Ingestion.Options;

/// <summary>Device listener ports (CONTRACTS.md §1 defaults). A port of 0 switches that listener off.</summary>
public sealed class DevicePortOptions
{
    public int Teltonika { get; set; } = 5027;

    /// <summary>Teltonika over UDP; the same number as the TCP port by convention.</summary>
    public int TeltonikaUdp { get; set; } = 5027;

    public int Gt06 { get; set; } = 5023;

    public int H02 { get; set; } = 5013;

    public int Wialon { get; set; } = 5039;

    public int OsmAnd { get; set; } = 5055;

    public int Mqtt { get; set; } = 1883;
}
