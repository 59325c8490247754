namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>Protocol numbers of the GT06 / Concox messages this decoder understands.</summary>
internal static class Gt06MessageType
{
    public const byte Login = 0x01;
    public const byte Location = 0x12;
    public const byte Heartbeat = 0x13;
    public const byte Alarm = 0x16;
    public const byte LocationWithAcc = 0x22;
    public const byte AlarmExtended = 0x26;
}
