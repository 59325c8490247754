using Fleet.Realtime.State;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Fleet.Realtime.Hubs;

/// <summary>
/// The live map: a client calls <c>Subscribe({ bbox, companyIds, groupIds })</c> (again on every pan, zoom or filter
/// change) and then receives <c>positions</c> and <c>left</c> for that view only (CONTRACTS.md §4).
/// </summary>
[Authorize]
public sealed class MapHub(SubscriptionReplicator subscriptions, IOptions<RealtimeOptions> options) : Hub
{
    public const string Path = "/hubs/map";

    public async Task Subscribe(MapSubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (!BoundingBox.TryCreate(request.Bbox, out var box, out var error)
            || !box.TryCheckSize(settings.MaxBboxWidthDegrees, settings.MaxBboxHeightDegrees, out error))
        {
            throw new HubException(error);
        }

        var scope = (Context.User ?? new()).GetCompanyScope();
        if (!MapFilter.TryCreate(scope, request.CompanyIds, request.GroupIds, out var companies, out var groups))
        {
            throw new HubException("companyIds names a company that does not exist or that this token may not see");
        }

        await subscriptions.SetAsync(new MapSubscription(Context.ConnectionId, box, companies?.ToHashSet(StringComparer.Ordinal), groups));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await subscriptions.RemoveAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }
}
