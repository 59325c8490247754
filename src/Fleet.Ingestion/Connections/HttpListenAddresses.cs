using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Fleet.Ingestion.Connections;

/// <summary>
/// Any explicit Kestrel Listen* makes Kestrel ignore ASPNETCORE_URLS / HTTP_PORTS ("Overriding address(es)"), so the
/// device listeners would hide the Aspire-assigned HTTP port and /health with it. This re-adds those addresses.
/// </summary>
internal static class HttpListenAddresses
{
    public static IReadOnlyList<int> Apply(KestrelServerOptions kestrel, IConfiguration configuration)
    {
        var ports = new List<int>();
        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var address = BindingAddress.Parse(url);
                if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
                {
                    // No development certificate on our machines; HTTPS terminates in front of the gate.
                    continue;
                }

                Listen(kestrel, address.Host, address.Port);
                ports.Add(address.Port);
            }

            return ports;
        }

        var httpPorts = configuration["http_ports"] ?? configuration["HTTP_PORTS"];
        var portList = string.IsNullOrWhiteSpace(httpPorts) ? ["5000"] : httpPorts.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var text in portList)
        {
            var port = int.Parse(text, CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(httpPorts))
            {
                kestrel.ListenLocalhost(port);
            }
            else
            {
                kestrel.ListenAnyIP(port);
            }

            ports.Add(port);
        }

        return ports;
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port);
        }
        else if (IPAddress.TryParse(host, out var ip))
        {
            kestrel.Listen(ip, port);
        }
        else
        {
            // "*", "+", "0.0.0.0" or a host name: every interface, as Kestrel itself does for non-IP hosts.
            kestrel.ListenAnyIP(port);
        }
    }
}
