namespace Fleet.Ingestion.Protocols.Teltonika;

/// <summary>
/// Field widths that differ between the AVL codecs (Teltonika wiki, "Teltonika Data Sending Protocols"):
/// <list type="table">
/// <item><term>Codec 8 (0x08)</term><description>IO ids 1 byte, IO counts 1 byte.</description></item>
/// <item><term>Codec 8 Extended (0x8E)</term><description>IO ids 2 bytes, IO counts 2 bytes, plus NX variable-length elements.</description></item>
/// <item><term>Codec 16 (0x10)</term><description>IO ids 2 bytes, IO counts 1 byte, a generation-type byte after the event id.</description></item>
/// </list>
/// Codecs 12/13/14 carry GPRS commands, not positions, and are not decoded here.
/// </summary>
internal readonly record struct TeltonikaCodecLayout(
    byte CodecId,
    int IoIdSize,
    int IoCountSize,
    bool HasGenerationType,
    bool HasVariableLengthElements)
{
    public const byte Codec8 = 0x08;
    public const byte Codec8Extended = 0x8E;
    public const byte Codec16 = 0x10;

    public static bool TryGet(byte codecId, out TeltonikaCodecLayout layout)
    {
        layout = codecId switch
        {
            Codec8 => new(codecId, IoIdSize: 1, IoCountSize: 1, HasGenerationType: false, HasVariableLengthElements: false),
            Codec8Extended => new(codecId, IoIdSize: 2, IoCountSize: 2, HasGenerationType: false, HasVariableLengthElements: true),
            Codec16 => new(codecId, IoIdSize: 2, IoCountSize: 1, HasGenerationType: true, HasVariableLengthElements: false),
            _ => default,
        };
        return layout.IoIdSize != 0;
    }
}
