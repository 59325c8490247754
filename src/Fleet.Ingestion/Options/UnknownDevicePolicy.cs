namespace Fleet.Ingestion.Options;

/// <summary><c>Ingestion:UnknownDevices</c>.</summary>
public enum UnknownDevicePolicy
{
    Reject,
    Accept,
}
