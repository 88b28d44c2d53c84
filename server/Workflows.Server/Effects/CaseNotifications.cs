using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Engine.Events;
using Workflows.Plugins.Abstractions;
using Workflows.Server.Cases;
using Workflows.Server.Plugins;
using Workflows.Storage;

namespace Workflows.Server.Effects;

/// <summary>
/// The notifier plugins (webhook...) hear of every stored case event. A command's events become
/// one outbox intent, written with them; after the commit the effect runner delivers each event to
/// every notifier. Each event keeps its delivery id (<c>{case}-{version}-{n}</c>) across retries,
/// so a receiver de-duplicates a redelivery after a crash. The engine's notify intents (notify
/// steps, 催办, 预警, 超期) reach the plugins as their events (<c>notification-sent</c>, ...).
/// </summary>
public sealed class CaseNotifications(PluginRegistry? plugins)
{
    public const string Kind = "case.notify";

    public sealed record Notice(string DeliveryId, string EventType, DateTimeOffset At, JsonObject Data);

    public sealed record Payload(Guid CaseId, string Number, string ItemId, IReadOnlyList<Notice> Notices);

    public bool Enabled => plugins is { Notifiers.Count: > 0 };

    /// <summary>The intent that delivers a command's events, or null without notifiers.</summary>
    public NewIntent? Intent(Guid caseId, string number, string itemId, IReadOnlyList<CaseEvent> events)
    {
        if (!Enabled || events.Count == 0) return null;
        var notices = events.Select((e, i) =>
        {
            var stored = CaseJson.ToNewEvent(e);
            var data = JsonNode.Parse(stored.Payload) as JsonObject ?? new JsonObject();
            data.Remove("type");
            return new Notice($"{caseId:N}-{e.Version}-{i + 1}", stored.Type, e.At, data);
        }).ToList();
        var payload = new Payload(caseId, number, itemId, notices);
        return new NewIntent($"{caseId:N}-{events[0].Version}-notify", Kind, JsonSerializer.Serialize(payload));
    }

    /// <summary>
    /// Delivers the daily supervision digest as one notice per department (event <c>supervision-digest</c>,
    /// no case; delivery id <c>{intent}-{department}</c>, stable across retries for the receiver's de-duplication).
    /// </summary>
    public async Task DeliverDigestAsync(string intentId, SupervisionDigest.Payload payload, CancellationToken ct)
    {
        if (plugins is null) return;
        var at = new DateTimeOffset(payload.Day.ToDateTime(TimeOnly.MinValue), Domain.ChinaTime.Offset);
        foreach (var department in payload.Departments)
        {
            var data = JsonSerializer.SerializeToNode(department, DigestJson)!.AsObject();
            data["day"] = payload.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var notice = new CaseEventNotice($"{intentId}-{department.Id}", "", "", "", "supervision-digest", at, data);
            foreach (var notifier in plugins.Notifiers)
            {
                if (!await notifier.NotifyAsync(notice, ct))
                    throw new EffectFailedException($"插件 {notifier.Name} 未能送达监督日报 ({notice.DeliveryId}) (notifier gave up)");
            }
        }
    }

    private static readonly JsonSerializerOptions DigestJson = new(JsonSerializerDefaults.Web);

    /// <summary>Delivers every notice to every notifier; throws when one gave up, so the whole intent is retried.</summary>
    public async Task DeliverAsync(Payload payload, CancellationToken ct)
    {
        if (plugins is null) return;
        foreach (var n in payload.Notices)
        {
            var notice = new CaseEventNotice(n.DeliveryId, payload.CaseId.ToString("D"), payload.Number, payload.ItemId, n.EventType, n.At, n.Data);
            foreach (var notifier in plugins.Notifiers)
            {
                if (!await notifier.NotifyAsync(notice, ct))
                    throw new EffectFailedException($"插件 {notifier.Name} 未能送达 {n.EventType} ({n.DeliveryId}) (notifier gave up)");
            }
        }
    }
}

/// <summary>An effect that did not succeed this time; its message is recorded on the intent.</summary>
public sealed class EffectFailedException(string message) : Exception(message);
