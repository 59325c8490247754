namespace Fleet.ServiceDefaults.Auth;

/// <summary>Claim and role names of the bearer JWTs (CONTRACTS.md §4).</summary>
public static class FleetClaims
{
    /// <summary>One claim per company the user may see (a JSON array in the token becomes several claims).</summary>
    public const string Company = "company";

    public const string Role = "role";

    /// <summary>Sees every company.</summary>
    public const string AdminRole = "fleet-admin";
}
