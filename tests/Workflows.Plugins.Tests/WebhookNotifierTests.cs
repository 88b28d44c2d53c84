using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Plugins.Abstractions;
using Workflows.Plugins.Webhook;

namespace Workflows.Plugins.Tests;

public class WebhookNotifierTests
{
    private const string Secret = "桃山-webhook-secret";

    private static CaseEventNotice Notice(string type = "case.accepted") => new(
        Guid.NewGuid().ToString("N"), "c-1", "桃山-2026-000123", "teacher-qualification", type,
        new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8)), new JsonObject { ["clerk"] = "王丽" });

    private static WebhookNotifier Notifier(Uri url, int attempts = 4, string? events = null) =>
        new(new WebhookOptions(url, Secret, attempts, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(2),
            events?.Split(',').ToHashSet()));

    [Fact]
    public async Task Notify_PostsJson_SignedWithTheSharedSecret()
    {
        await using var receiver = WebhookReceiver.Start();
        using var notifier = Notifier(receiver.Url);
        var notice = Notice();

        var delivered = await notifier.NotifyAsync(notice, CancellationToken.None);

        Assert.True(delivered);
        var request = Assert.Single(receiver.Requests);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(request.Body)));
        Assert.Equal(expected, request.Signature);
        Assert.Equal("case.accepted", request.Event);
        Assert.Equal(notice.DeliveryId, request.Delivery);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("桃山-2026-000123", body["caseNumber"]!.GetValue<string>());
        Assert.Equal("王丽", body["data"]!["clerk"]!.GetValue<string>());
    }

    [Fact]
    public async Task Notify_ReceiverFailsTwice_RetriesAndDeliversOnTheThirdAttempt_WithOneDeliveryId()
    {
        await using var receiver = WebhookReceiver.Start(failFirst: 2);
        using var notifier = Notifier(receiver.Url);

        var delivered = await notifier.NotifyAsync(Notice(), CancellationToken.None);

        Assert.True(delivered);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Delivery).Distinct());
    }

    [Fact]
    public async Task Notify_ReceiverRejectsWith400_DoesNotRetry()
    {
        await using var receiver = WebhookReceiver.Start(failFirst: 10, status: 400);
        using var notifier = Notifier(receiver.Url);

        var delivered = await notifier.NotifyAsync(Notice(), CancellationToken.None);

        Assert.False(delivered);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Notify_ReceiverDown_GivesUpAfterMaxAttempts()
    {
        using var notifier = Notifier(new Uri($"http://127.0.0.1:{ClosedPort()}/hook"), attempts: 3);

        var delivered = await notifier.NotifyAsync(Notice(), CancellationToken.None);

        Assert.False(delivered);
    }

    [Fact]
    public async Task Notify_EventNotInTheFilter_IsSkippedWithoutARequest()
    {
        await using var receiver = WebhookReceiver.Start();
        using var notifier = Notifier(receiver.Url, events: "case.completed");

        Assert.True(await notifier.NotifyAsync(Notice("case.accepted"), CancellationToken.None));
        Assert.True(await notifier.NotifyAsync(Notice("case.completed"), CancellationToken.None));

        Assert.Equal("case.completed", Assert.Single(receiver.Requests).Event);
    }

    // A port nothing listens on: bind, read the number, close.
    private static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }
}
