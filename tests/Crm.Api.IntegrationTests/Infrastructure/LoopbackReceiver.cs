using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>A webhook receiver on 127.0.0.1 that records every request and answers with the status the test chooses.</summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    public sealed record Received(string Id, string Timestamp, string Signature, string EventType, string Body);

    private readonly WebApplication app;
    public ConcurrentQueue<Received> Requests { get; } = new();
    /// <summary>The status to answer; change it between dispatcher passes.</summary>
    public int Status { get; set; } = 200;
    public string Url { get; private set; } = "";

    private LoopbackReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Received(http.Request.Headers["Webhook-Id"].ToString(), http.Request.Headers["Webhook-Timestamp"].ToString(),
                http.Request.Headers["Webhook-Signature"].ToString(), http.Request.Headers["Webhook-Event"].ToString(), body));
            return Results.StatusCode(Status);
        });
    }

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var receiver = new LoopbackReceiver();
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException("No server");
        receiver.Url = address + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
