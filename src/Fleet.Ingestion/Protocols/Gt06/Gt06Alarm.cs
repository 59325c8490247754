namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>
/// Alarm messages 0x16 and 0x26: GPS block, LBS block with its own length byte, terminal information,
/// voltage level, GSM signal, alarm code and language. The server acknowledges with the same protocol number.
/// </summary>
internal static class Gt06Alarm
{
    public static DecodeResult Decode(Gt06Frame frame)
    {
        ReadOnlySpan<byte> content = frame.Content;
        string? error = Gt06GpsBlock.TryParse(content, out Gt06GpsFix fix);
        if (error is not null)
        {
            return DecodeResult.Rejected(error);
        }

        ReadOnlySpan<byte> rest = content[Gt06GpsBlock.Length..];
        // The LBS length byte counts itself; zero means "no LBS" and still occupies one byte.
        int lbsBlockLength = rest.IsEmpty ? 1 : Math.Max((int)rest[0], 1);
        // After LBS: terminal info, voltage level, GSM signal, alarm code (language is optional for us).
        if (rest.Length < lbsBlockLength + 4)
        {
            return DecodeResult.Rejected("truncated alarm");
        }

        var attributes = new Dictionary<string, double>();
        Gt06CellTower.TryRead(rest[1..lbsBlockLength], attributes);

        ReadOnlySpan<byte> status = rest[lbsBlockLength..];
        var info = new Gt06TerminalInfo(status[0]);
        attributes["voltageLevel"] = status[1];
        attributes["gsmSignal"] = status[2];
        attributes["charging"] = info.Charging ? 1 : 0;
        // The alarm code names the event precisely; the terminal-info bits are the fallback for firmwares sending 0.
        string? alarm = Gt06TerminalInfo.AlarmFromCode(status[3]) ?? info.Alarm;

        return new DecodeResult
        {
            Points = [Gt06Points.Create(fix, info.Ignition, alarm, attributes)],
            Reply = Gt06Reply.Acknowledge(frame.Protocol, frame.Serial),
        };
    }
}
