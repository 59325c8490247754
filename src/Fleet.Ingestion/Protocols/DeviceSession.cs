namespace Fleet.Ingestion.Protocols;

/// <summary>What a connection knows about its device: the id from the login frame, once there was one.</summary>
public sealed record DeviceSession(string? DeviceId)
{
    public static readonly DeviceSession Anonymous = new((string?)null);
}
