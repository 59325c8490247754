using Fleet.Ingestion.Mqtt;
using Fleet.Ingestion.Options;
using Fleet.Ingestion.Protocols.Gt06;
using Fleet.Ingestion.Protocols.H02;
using Fleet.Ingestion.Protocols.Teltonika;
using Fleet.Ingestion.Protocols.Wialon;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MQTTnet.AspNetCore;

namespace Fleet.Ingestion.Connections;

public static class DeviceListenerExtensions
{
    /// <summary>
    /// One Kestrel endpoint per device protocol (ports from <c>Ingestion:Ports</c>; 0 = off), the OsmAnd HTTP port,
    /// the Teltonika UDP listener, and the service's own HTTP addresses from ASPNETCORE_URLS / HTTP_PORTS.
    /// </summary>
    public static WebApplicationBuilder AddDeviceListeners(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TeltonikaProtocol>();
        builder.Services.AddSingleton<Gt06Protocol>();
        builder.Services.AddSingleton<H02Protocol>();
        builder.Services.AddSingleton(_ => new WialonProtocol());
        builder.Services.AddSingleton<TeltonikaUdpDecoder>();
        builder.Services.AddSingleton<DeviceFrameProcessor>();
        builder.Services.AddHostedService<TeltonikaUdpListener>();
        // MQTT broker on Kestrel (MQTTnet.AspNetCore): no listener of its own, the device port's connection handler feeds it.
        builder.Services.AddHostedMqttServer(o => o.WithoutDefaultEndpoint());
        builder.Services.AddMqttConnectionHandler();
        builder.Services.AddConnections();
        builder.Services.AddHostedService<MqttGateway>();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var ports = context.Configuration.GetSection(IngestionOptions.SectionName).Get<IngestionOptions>()?.Ports ?? new DevicePortOptions();
            var httpPorts = HttpListenAddresses.Apply(kestrel, context.Configuration);
            void Device(int port, Action<ListenOptions> configure)
            {
                if (port > 0 && !httpPorts.Contains(port))
                {
                    kestrel.ListenAnyIP(port, configure);
                }
            }

            Device(ports.Teltonika, l => l.UseConnectionHandler<DeviceConnectionHandler<TeltonikaProtocol>>());
            Device(ports.Gt06, l => l.UseConnectionHandler<DeviceConnectionHandler<Gt06Protocol>>());
            Device(ports.H02, l => l.UseConnectionHandler<DeviceConnectionHandler<H02Protocol>>());
            Device(ports.Wialon, l => l.UseConnectionHandler<DeviceConnectionHandler<WialonProtocol>>());
            Device(ports.OsmAnd, l => l.Protocols = HttpProtocols.Http1);
            Device(ports.Mqtt, l => l.UseMqtt());
        });
        return builder;
    }
}
