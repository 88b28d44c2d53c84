using System.Text.Json.Nodes;
using System.Threading.Channels;
using Workflows.Plugins.Abstractions;
using Workflows.Server.Cases;

namespace Workflows.Server.Plugins;

/// <summary>
/// Hands every stored case event to the plugins' notifiers (webhook...). The commit only queues
/// (a command never waits for a receiver); a background loop delivers in commit order, one notifier
/// after another, each owning its retries. The queue lives in this process: events still queued when
/// it stops are delivered during a short drain, and those left after it are logged, not re-sent.
/// </summary>
public sealed class NotifierForwarder(PluginRegistry plugins, ILogger<NotifierForwarder> logger) : BackgroundService, ICaseCommitListener
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);
    private readonly Channel<CaseEventNotice> _queue = Channel.CreateUnbounded<CaseEventNotice>(new UnboundedChannelOptions { SingleReader = true });

    public void OnCommitted(CaseCommit commit)
    {
        for (var i = 0; i < commit.Events.Count; i++)
        {
            var e = commit.Events[i];
            var stored = CaseJson.ToNewEvent(e);
            var data = JsonNode.Parse(stored.Payload) as JsonObject ?? new JsonObject();
            data.Remove("type");
            // Stable across retries of the same delivery: case, version and place in the command.
            var deliveryId = $"{commit.CaseId:N}-{e.Version}-{i + 1}";
            _queue.Writer.TryWrite(new CaseEventNotice(deliveryId, commit.CaseId.ToString("D"), commit.Number, commit.State.ItemId, stored.Type, e.At, data));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notice in _queue.Reader.ReadAllAsync(stoppingToken)) await DeliverAsync(notice, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _queue.Writer.TryComplete();
        using var drain = new CancellationTokenSource(Drain);
        var left = 0;
        while (_queue.Reader.TryRead(out var notice))
        {
            if (drain.IsCancellationRequested) { left++; continue; }
            await DeliverAsync(notice, drain.Token);
        }
        if (left > 0) logger.LogWarning("停止时仍有 {Count} 条事件未通知插件 (case events not delivered to notifiers at shutdown)", left);
    }

    private async Task DeliverAsync(CaseEventNotice notice, CancellationToken ct)
    {
        foreach (var notifier in plugins.Notifiers)
        {
            try
            {
                if (!await notifier.NotifyAsync(notice, ct))
                    logger.LogWarning("插件 {Notifier} 未能送达 {Event} ({Delivery}) (notifier gave up)", notifier.Name, notice.EventType, notice.DeliveryId);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
            catch (Exception e)
            {
                logger.LogError(e, "插件 {Notifier} 处理 {Event} 时出错 (notifier failed)", notifier.Name, notice.EventType);
            }
        }
    }
}
