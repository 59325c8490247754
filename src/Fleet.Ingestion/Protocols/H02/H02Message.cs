namespace Fleet.Ingestion.Protocols.H02;

/// <summary>What one H02 frame said: the id it carried (empty when the firmware left it out), points and reply.</summary>
internal sealed record H02Message(string DeviceId, IReadOnlyList<TelemetryPoint> Points, byte[]? Reply);
