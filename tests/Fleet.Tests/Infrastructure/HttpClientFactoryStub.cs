namespace Fleet.Tests.Infrastructure;

/// <summary>A plain IHttpClientFactory for constructing health checks outside a host.</summary>
public sealed class HttpClientFactoryStub : IHttpClientFactory, IDisposable
{
    private readonly HttpMessageHandler _handler = new SocketsHttpHandler();

    public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(5) };

    public void Dispose() => _handler.Dispose();
}
