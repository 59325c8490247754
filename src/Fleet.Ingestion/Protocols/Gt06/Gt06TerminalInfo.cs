namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>
/// Terminal information byte (status and alarm messages): bit 0 armed, bit 1 ACC high, bit 2 charging,
/// bits 3-5 alarm (1 vibration, 2 power cut, 3 low battery, 4 SOS), bit 6 GPS tracking on, bit 7 oil/power cut.
/// </summary>
internal readonly record struct Gt06TerminalInfo(byte Raw)
{
    public bool Ignition => (Raw & 0x02) != 0;

    public bool Charging => (Raw & 0x04) != 0;

    public string? Alarm => ((Raw >> 3) & 0x07) switch
    {
        1 => "vibration",
        2 => "powerCut",
        3 => "lowBattery",
        4 => "sos",
        _ => null,
    };

    /// <summary>The separate alarm byte of 0x16/0x26 (GT06 doc codes 1-6, further codes as Traccar maps them).</summary>
    public static string? AlarmFromCode(byte code) => code switch
    {
        0x01 => "sos",
        0x02 => "powerCut",
        0x03 or 0x09 => "vibration",
        0x04 => "geofenceEnter",
        0x05 => "geofenceExit",
        0x06 => "overspeed",
        0x0E or 0x0F => "lowBattery",
        0x11 => "powerOff",
        0x13 => "tampering",
        0x14 => "door",
        _ => null,
    };
}
