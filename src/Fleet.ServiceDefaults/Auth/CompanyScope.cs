using System.Security.Claims;

namespace Fleet.ServiceDefaults.Auth;

/// <summary>
/// Which companies a caller may see. Every API answer is filtered through this; data of another company answers
/// 404 as if it did not exist (CONTRACTS.md §4).
/// </summary>
public sealed class CompanyScope
{
    private readonly HashSet<string> _companies;

    private CompanyScope(bool isAdmin, HashSet<string> companies)
    {
        IsAdmin = isAdmin;
        _companies = companies;
    }

    public bool IsAdmin { get; }

    public IReadOnlyCollection<string> Companies => _companies;

    public static CompanyScope From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var admin = user.Claims.Any(c => (c.Type == FleetClaims.Role || c.Type == ClaimTypes.Role) && c.Value == FleetClaims.AdminRole);
        var companies = user.FindAll(FleetClaims.Company).Select(c => c.Value).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
        return new CompanyScope(admin, companies);
    }

    public bool CanSee(string? companyId) => IsAdmin || (companyId is not null && _companies.Contains(companyId));

    /// <summary>The requested companies the caller may see; all of the caller's when none were requested.</summary>
    public IReadOnlyCollection<string>? Restrict(IReadOnlyCollection<string>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            return IsAdmin ? null : _companies;
        }

        return requested.Where(CanSee).ToHashSet(StringComparer.Ordinal);
    }
}
