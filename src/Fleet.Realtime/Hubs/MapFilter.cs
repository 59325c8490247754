using Fleet.ServiceDefaults.Auth;

namespace Fleet.Realtime.Hubs;

/// <summary>Applies the caller's company scope to the companies and groups a map asks for.</summary>
public static class MapFilter
{
    /// <summary>
    /// False when a requested company is outside the caller's scope. <paramref name="companies"/> is null only for an
    /// admin who asked for no company (every company); <paramref name="groups"/> is null when no group was asked for.
    /// </summary>
    public static bool TryCreate(
        CompanyScope scope,
        IReadOnlyCollection<string>? requestedCompanies,
        IReadOnlyCollection<string>? requestedGroups,
        out IReadOnlyCollection<string>? companies,
        out IReadOnlySet<string>? groups)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var requested = requestedCompanies?.Where(c => !string.IsNullOrWhiteSpace(c)).ToHashSet(StringComparer.Ordinal);
        groups = requestedGroups?.Where(g => !string.IsNullOrWhiteSpace(g)).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } g ? g : null;
        companies = null;
        if (requested is { Count: > 0 } && !requested.All(scope.CanSee))
        {
            return false;
        }

        companies = scope.Restrict(requested)?.ToHashSet(StringComparer.Ordinal);
        return true;
    }
}
