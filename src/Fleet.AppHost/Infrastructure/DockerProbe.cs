using System.Net.Sockets;
using System.Text;

namespace Fleet.AppHost.Infrastructure;

/// <summary>Does a Docker engine answer on its socket? (The docker CLI being installed is not enough.)</summary>
internal static class DockerProbe
{
    public static bool EngineAnswers(string socketPath = "/var/run/docker.sock")
    {
        if (!File.Exists(socketPath))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.ReceiveTimeout = 1000;
            socket.SendTimeout = 1000;
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.Send(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"));
            var buffer = new byte[256];
            var read = socket.Receive(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
