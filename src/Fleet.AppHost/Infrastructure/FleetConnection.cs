namespace Fleet.AppHost.Infrastructure;

/// <summary>
/// One connection string a service reads (<c>ConnectionStrings:{Name}</c>), the same name in both infrastructure
/// modes, and the resource to wait for before the service starts.
/// </summary>
internal sealed record FleetConnection(string Name, ReferenceExpression Value, IResourceBuilder<IResource> Server);
