namespace Fleet.Ingestion.Devices;

/// <summary>How a protocol proves who it is beyond naming an id.</summary>
public enum TokenRequirement
{
    /// <summary>IMEI protocols (Teltonika, GT06, H02, Wialon): the registered id is the credential.</summary>
    None,

    /// <summary>OsmAnd: checked when the device has a token registered.</summary>
    Optional,

    /// <summary>Fleet JSON bearer token, MQTT password: the device must have a token and present it.</summary>
    Required,
}
