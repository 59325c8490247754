namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>The 18-byte GPS block shared by location and alarm messages, already in Fleet units.</summary>
internal readonly record struct Gt06GpsFix(
    DateTimeOffset Time,
    double Latitude,
    double Longitude,
    double SpeedKmh,
    double? Heading,
    bool Valid,
    int Satellites,
    bool? Ignition);
