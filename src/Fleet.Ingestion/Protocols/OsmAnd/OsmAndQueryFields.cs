namespace Fleet.Ingestion.Protocols.OsmAnd;

/// <summary>What the query parameters said so far; parameters come in any order and the last one wins, as in Traccar.</summary>
internal sealed class OsmAndQueryFields
{
    public string? DeviceId { get; set; }

    public DateTimeOffset? Time { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public bool Valid { get; set; } = true;

    public double? SpeedKmh { get; set; }

    public double? Heading { get; set; }

    public double? AltitudeM { get; set; }

    public int? Satellites { get; set; }

    public double? Hdop { get; set; }

    public bool? Ignition { get; set; }

    public double? FuelL { get; set; }

    public double? OdometerKm { get; set; }

    public Dictionary<string, double> Attributes { get; } = new(StringComparer.Ordinal);
}
