using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workflows.Plugins.Tests;

/// <summary>A real HTTP receiver on loopback that records what arrives and can be told to fail first.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    public sealed record Received(string Body, string? Signature, string? Event, string? Delivery);

    public ConcurrentQueue<Received> Requests { get; } = new();
    public Uri Url { get; }

    private WebhookReceiver(WebApplication app, int status, int failFirst)
    {
        _app = app;
        _failuresLeft = failFirst;
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            Requests.Enqueue(new Received(await reader.ReadToEndAsync(),
                request.Headers["X-Workflows-Signature"], request.Headers["X-Workflows-Event"], request.Headers["X-Workflows-Delivery"]));
            return Interlocked.Decrement(ref _failuresLeft) >= 0 ? Results.StatusCode(status) : Results.Ok();
        });
        app.StartAsync().GetAwaiter().GetResult();
        Url = new Uri(app.Urls.First() + "/hook");
    }

    /// <param name="failFirst">How many requests get <paramref name="status"/> before the receiver answers 200.</param>
    /// <param name="port">A fixed port (a receiver that comes up later where the server already sends); 0 for any.</param>
    public static WebhookReceiver Start(int failFirst = 0, int status = 503, int port = 0)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        return new WebhookReceiver(builder.Build(), status, failFirst);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
