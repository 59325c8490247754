namespace Fleet.Ingestion.Protocols.OsmAnd;

/// <summary>Device ids become Kafka keys and log fields: bounded length, no control characters.</summary>
internal static class OsmAndDeviceId
{
    public const int MaxLength = 64;

    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxLength && !value.Any(char.IsControl);
}
