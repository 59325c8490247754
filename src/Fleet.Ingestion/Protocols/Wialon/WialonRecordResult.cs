namespace Fleet.Ingestion.Protocols.Wialon;

/// <summary>
/// One parsed SD/D record: either a point, or the spec's answer code for the first bad field
/// (-1 structure, 0 time, 10 coordinates, 11 speed/course/altitude, 12 satellites/hdop, 13 inputs/outputs, 14 adc, 15 params).
/// </summary>
internal readonly record struct WialonRecordResult(TelemetryPoint? Point, int Code, string? Reason)
{
    public static WialonRecordResult Ok(TelemetryPoint point) => new(point, 1, null);

    public static WialonRecordResult Fail(int code, string reason) => new(null, code, reason);
}
