namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>
/// Heartbeat / status 0x13: terminal information, voltage level, GSM signal, alarm/language.
/// It carries no position, so nothing becomes a point; the device only needs its acknowledgement.
/// </summary>
internal static class Gt06Heartbeat
{
    public static DecodeResult Decode(Gt06Frame frame)
    {
        // Terminal info, voltage level and GSM signal are the minimum every firmware sends.
        if (frame.Content.Length < 3)
        {
            return DecodeResult.Rejected("truncated heartbeat");
        }

        return new DecodeResult { Reply = Gt06Reply.Acknowledge(Gt06MessageType.Heartbeat, frame.Serial) };
    }
}
