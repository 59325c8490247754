namespace Fleet.Ingestion.Devices;

/// <summary>The answer of <see cref="DeviceRegistry.Check"/>.</summary>
public enum DeviceTrust
{
    Trusted,

    /// <summary>Not registered and <c>Ingestion:UnknownDevices</c> is Reject.</summary>
    Unknown,

    Disabled,

    /// <summary>A token protocol without the right token (missing, wrong, or none registered).</summary>
    BadToken,
}
