namespace Fleet.Ingestion.Protocols.Teltonika;

/// <summary>Mutable accumulator for one record's IO elements before the immutable <see cref="TelemetryPoint"/> is built.</summary>
internal sealed class TeltonikaIoValues
{
    public bool? Ignition { get; set; }

    public double? FuelL { get; set; }

    public double? OdometerKm { get; set; }

    public double? Hdop { get; set; }

    public Dictionary<string, double> Attributes { get; } = new(StringComparer.Ordinal);
}
