namespace Fleet.AppHost.Infrastructure;

/// <summary>Where the endpoints report goes and what it needs to mint the admin token.</summary>
internal sealed record EndpointsReportOptions(string FilePath, string SigningKeyHex, FleetInfrastructure Infrastructure,
    IReadOnlyList<string> ResourceNames);
