namespace Microsoft.Extensions.Hosting;

/// <summary>What <c>/api/v1/info</c> answers.</summary>
public sealed record ServiceInfo(string Service, string OpenApi, string Health);
