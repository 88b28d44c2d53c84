using System.Text.Json;
using Workflows.Server.Documents;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Effects;

/// <summary>
/// Carries out one outbox intent: claims it (a lease, so one runner at a time on any node), runs
/// it by kind, and marks it done. A failure is recorded on the intent (attempts, reason) and
/// rethrown so the job system retries it; after the last retry the intent is marked failed and
/// waits for an operator. Every kind is idempotent: a document is stored once under its id, a
/// notice keeps its delivery id.
/// </summary>
public sealed class EffectRunner(ICaseStore store, CaseDocuments documents, DefinitionVersions versions, CaseNotifications notifications, ILogger<EffectRunner> logger)
{
    /// <summary>How long a claim holds an intent: longer than any render or delivery (with the webhook's own retries) takes.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public enum Outcome { Done, AlreadyDone, Busy, Unknown }

    private IOutbox Outbox => (IOutbox)store;

    public async Task<Outcome> RunAsync(string intentId, bool lastAttempt = false, CancellationToken ct = default)
    {
        var intent = await Outbox.ClaimIntentAsync(intentId, DateTimeOffset.UtcNow, Lease, ct);
        if (intent is null)
        {
            var known = await Outbox.FindIntentAsync(intentId, ct);
            return known is null ? Outcome.Unknown : known.DoneAt is not null ? Outcome.AlreadyDone : Outcome.Busy;
        }
        try
        {
            // A receiver hears a case's events in commit order: earlier deliveries of the case go first.
            if (intent.Kind == CaseNotifications.Kind) await DeliverEarlierAsync(intent, ct);
            await ExecuteAsync(intent, ct);
        }
        catch (Exception e)
        {
            var reason = e is EffectFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            await Outbox.FailIntentAsync(intentId, reason, lastAttempt, CancellationToken.None);
            logger.Log(lastAttempt ? LogLevel.Error : LogLevel.Warning, "效果执行失败{Final} (effect failed): {Intent} {Kind}: {Reason}",
                lastAttempt ? "，已停止重试" : "，将重试", intentId, intent.Kind, reason);
            throw;
        }
        await Outbox.CompleteIntentAsync(intentId, DateTimeOffset.UtcNow, CancellationToken.None);
        return Outcome.Done;
    }

    private async Task DeliverEarlierAsync(StoredIntent intent, CancellationToken ct)
    {
        var earlier = (await Outbox.IntentsOfCaseAsync(intent.CaseId, ct))
            .Where(i => i.Kind == CaseNotifications.Kind && i.DoneAt is null && i.Version < intent.Version)
            .OrderBy(i => i.Version);
        foreach (var previous in earlier)
        {
            if (await RunAsync(previous.Id, lastAttempt: false, ct) is Outcome.Busy)
                throw new EffectFailedException($"等待本办件较早的事件送达 (earlier events of the case are being delivered): {previous.Id}");
        }
    }

    private Task ExecuteAsync(StoredIntent intent, CancellationToken ct) => intent.Kind switch
    {
        CaseDocuments.RenderKind => documents.RenderAsync(Read<CaseDocuments.RenderPayload>(intent), versions, ct),
        CaseNotifications.Kind => notifications.DeliverAsync(Read<CaseNotifications.Payload>(intent), ct),
        SupervisionDigest.Kind => notifications.DeliverDigestAsync(intent.Id, Read<SupervisionDigest.Payload>(intent), ct),
        _ => throw new EffectFailedException($"未知的效果类型 {intent.Kind} (unknown effect kind)"),
    };

    private static T Read<T>(StoredIntent intent) =>
        JsonSerializer.Deserialize<T>(intent.Payload) ?? throw new JsonException($"empty payload of intent {intent.Id}");
}
