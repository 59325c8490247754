namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>Params with a first-class <see cref="TelemetryPoint"/> field; every other numeric param goes to the attributes.</summary>
internal sealed class WialonParams
{
    public bool? Ignition { get; set; }

    public double? OdometerKm { get; set; }

    public double? FuelL { get; set; }
}
