using System.Security.Claims;
using Fleet.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

public static class FleetAuthExtensions
{
    /// <summary>
    /// Bearer JWT authentication for the map and report APIs. SignalR sends the token as <c>access_token</c> in the
    /// query string for WebSockets, so that is accepted on <c>/hubs/</c> paths only.
    /// </summary>
    public static TBuilder AddFleetAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var options = builder.Configuration.GetSection("Auth").Get<FleetAuthOptions>() ?? new FleetAuthOptions();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.Authority = options.Authority;
            jwt.RequireHttpsMetadata = options.Authority is not null;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = JwtRegisteredClaimNames.Sub,
                RoleClaimType = FleetClaims.Role,
                IssuerSigningKey = options.DevSigningKeyHex is { Length: > 0 } hex
                    ? new SymmetricSecurityKey(Convert.FromHexString(hex))
                    : null,
            };
            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/hubs")
                        && context.Request.Query.TryGetValue("access_token", out var token))
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                },
            };
        });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>The caller's company scope (see <see cref="CompanyScope"/>).</summary>
    public static CompanyScope GetCompanyScope(this ClaimsPrincipal user) => CompanyScope.From(user);
}
