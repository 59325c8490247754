namespace Fleet.Processing.Extensions;

/// <summary>What <c>/api/v1/info</c> answers.</summary>
internal sealed record ServiceInfo(string Service, string OpenApi, string Health);
