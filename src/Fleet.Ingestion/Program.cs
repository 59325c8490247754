var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapServiceInfo();
app.MapIngestionApis();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in Fleet.Tests.</summary>
public partial class Program;
