using Fleet.DevKafka;

var builder = WebApplication.CreateBuilder(args);
builder.AddBasicServiceDefaults();
builder.Services.AddOptions<DevKafkaOptions>().BindConfiguration("DevKafka");
builder.Services.AddSingleton<DevKafkaHost>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DevKafkaHost>());
builder.Services.AddHealthChecks().AddCheck<DevKafkaHealthCheck>("mock-cluster");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/", (DevKafkaHost host) => TypedResults.Ok(new { bootstrapServers = host.BootstrapServers }));
await app.RunAsync();
