namespace Fleet.Ingestion.Protocols.Gt06;

/// <summary>
/// Location messages 0x12 (GPS + LBS) and 0x22 (GPS + LBS + ACC, data upload mode, re-upload flag).
/// The GT06 documents say the server does not answer these, so there is no reply.
/// </summary>
internal static class Gt06Location
{
    public static DecodeResult Decode(Gt06Frame frame)
    {
        ReadOnlySpan<byte> content = frame.Content;
        string? error = Gt06GpsBlock.TryParse(content, out Gt06GpsFix fix);
        if (error is not null)
        {
            return DecodeResult.Rejected(error);
        }

        var attributes = new Dictionary<string, double>();
        int lbsLength = Gt06CellTower.TryRead(content[Gt06GpsBlock.Length..], attributes);
        bool? ignition = fix.Ignition;

        ReadOnlySpan<byte> tail = content[(Gt06GpsBlock.Length + lbsLength)..];
        if (frame.Protocol == Gt06MessageType.LocationWithAcc && lbsLength > 0 && tail.Length >= 3)
        {
            ignition = tail[0] != 0;
            attributes["uploadMode"] = tail[1];
            attributes["reupload"] = tail[2];
        }

        return new DecodeResult { Points = [Gt06Points.Create(fix, ignition, alarm: null, attributes)] };
    }
}
