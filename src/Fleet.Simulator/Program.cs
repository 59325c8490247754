using Fleet.Simulator;
using Fleet.Simulator.Fleet;

var builder = WebApplication.CreateBuilder(args);
builder.AddBasicServiceDefaults();
builder.Services.AddServiceDiscovery();
builder.Services.AddOptions<DemoOptions>().BindConfiguration("Demo");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddKafkaProducer<string, byte[]>(builder.Configuration);
// No retrying handler: a resent POST would be a second delivery; the next tick sends a fresh point anyway.
builder.Services.AddHttpClient(DemoFleetWorker.IngestionClient, c =>
{
    c.BaseAddress = new Uri("http://ingestion");
    c.Timeout = TimeSpan.FromSeconds(10);
}).AddServiceDiscovery();
builder.Services.AddHostedService<DemoFleetWorker>();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
