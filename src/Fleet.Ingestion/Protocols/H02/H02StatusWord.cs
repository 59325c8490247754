namespace Fleet.Ingestion.Protocols.H02;

/// <summary>
/// The 4-byte vehicle status (8 hex digits). Negative logic per the H02 documents: a cleared bit means the
/// condition is active. Bit 10 is "ACC off", so ACC is on (ignition) when it is set. Alarm bits as Traccar maps
/// them (traccar/traccar issue #2920 table): 0 vibration, 1 and 18 SOS, 2 overspeed, 19 power cut.
/// </summary>
internal static class H02StatusWord
{
    public static bool Ignition(uint status) => IsSet(status, 10);

    public static string? Alarm(uint status)
    {
        if (!IsSet(status, 0))
        {
            return "vibration";
        }

        if (!IsSet(status, 1) || !IsSet(status, 18))
        {
            return "sos";
        }

        if (!IsSet(status, 2))
        {
            return "overspeed";
        }

        return IsSet(status, 19) ? null : "powerCut";
    }

    private static bool IsSet(uint status, int bit) => (status & (1u << bit)) != 0;
}
