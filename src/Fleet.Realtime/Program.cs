using Fleet.Realtime.Apis;
using Fleet.Realtime.Hubs;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapDefaultEndpoints();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapServiceInfo();
app.MapSnapshotApi();
app.MapHub<MapHub>(MapHub.Path);
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in Fleet.Tests.</summary>
public partial class Program;
