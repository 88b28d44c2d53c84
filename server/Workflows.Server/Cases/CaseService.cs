using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Engine.Events;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Execution;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Scripting;
using Workflows.Server.Documents;
using Workflows.Server.Effects;
using Workflows.Server.Hosting;
using Workflows.Server.Scheduling;
using Workflows.Storage;
using Workflows.Domain;

namespace Workflows.Server.Cases;

/// <summary>
/// Runs engine commands against stored cases: load the snapshot, execute on the definition version
/// the case is pinned to, append the events and the new snapshot at the loaded version (optimistic
/// concurrency), with the caller's idempotency key. A retried request is answered from the store
/// before the engine runs again, so a retry after the case moved on still gets its first answer.
/// Every change carries the timer of the case's next wake (<see cref="CaseTimers"/>) and the
/// command's intents (outbox rows, document numbers, register entries), committed with its events;
/// once stored the intents are handed to the effect queue (<see cref="IEffectQueue"/>).
/// </summary>
public sealed class CaseService
{
    private readonly IActivityPort _activities;
    private readonly ICaseStore _store;
    private readonly RecentCaseStates _recent = new();
    private readonly DefinitionVersions _versions;
    private readonly string _dataFolder;
    private readonly IClock _clock;
    private readonly IReadOnlyList<ICaseCommitListener> _listeners;
    private readonly CaseDocuments _documents;
    private readonly CaseNotifications _notifications;
    private readonly IEffectQueue _effects;
    // One sandbox per calendar (so per loaded definition version): its cache compiles each condition
    // once, where a sandbox per command compiled every material's condition on every command.
    private readonly ConditionalWeakTable<Workflows.Domain.WorkingCalendar, ScriptSandbox> _sandboxes = new();

    /// <param name="effects">Where committed intents go; null runs them in the caller's flow (tools, tests).</param>
    public CaseService(ICaseStore store, DefinitionVersions versions, string dataFolder, IClock clock,
        IEnumerable<ICaseCommitListener>? listeners = null, IActivityPort? activities = null,
        CaseDocuments? documents = null, CaseNotifications? notifications = null, IEffectQueue? effects = null)
    {
        _documents = documents ?? new CaseDocuments(store);
        _notifications = notifications ?? new CaseNotifications(null);
        _effects = effects ?? new InlineEffectQueue(
            new EffectRunner(store, _documents, versions, _notifications, NullLogger<EffectRunner>.Instance), NullLogger.Instance);
        _activities = activities ?? new UnavailableActivityPort();
        _store = store;
        _versions = versions;
        _dataFolder = dataFolder;
        _clock = clock;
        _listeners = listeners?.ToList() ?? [];
    }

    /// <summary>For tests and tools: versions archived in the store's own content table.</summary>
    public CaseService(ICaseStore store, DefinitionCatalog catalog, string dataFolder, IClock? clock = null)
        : this(store, new DefinitionVersions(catalog, (IContentStore)store, Path.Combine(dataFolder, "cache", "definitions"), NullLogger<DefinitionVersions>.Instance),
            dataFolder, clock ?? SystemClock.Instance)
    {
    }

    public IClock Clock => _clock;

    /// <summary>The data folder (caches only: documents and certificates are in the store).</summary>
    public string DataFolder => _dataFolder;

    /// <summary>The case's notices and certificates (stored PDFs, rendered on demand when still pending).</summary>
    public CaseDocuments Documents => _documents;

    /// <param name="itemId">The item to receive for: required with <see cref="ReceiveMaterials"/>, ignored otherwise.</param>
    /// <param name="expectedVersion">The version the caller decided on (If-Match); null means "whatever is loaded now".</param>
    public async Task<CaseCommandResult> ExecuteAsync(
        Guid caseId, CaseCommand command, string? idempotencyKey = null, string? itemId = null,
        long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var key = idempotencyKey is { Length: > 0 } ? IdempotencyKey.ForRequest(idempotencyKey, CaseJson.Fingerprint(caseId, itemId, command)) : null;
        if (key is not null && await _store.FindRequestAsync(key, cancellationToken) is { } prior)
            return await ReplayAsync(caseId, key, prior, cancellationToken);
        return command is ReceiveMaterials receive
            ? await CreateAsync(caseId, itemId, receive, key, cancellationToken)
            : await AppendAsync(caseId, command, key, expectedVersion, cancellationToken);
    }

    /// <summary>
    /// Whether the caller's key already answered this very request: a retry gets the first answer
    /// even when the case has since moved on (so the authorisation of the retry is the first request's).
    /// </summary>
    public async Task<bool> IsRetryAsync(Guid caseId, CaseCommand command, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        idempotencyKey is { Length: > 0 }
        && await _store.FindRequestAsync(IdempotencyKey.ForRequest(idempotencyKey, CaseJson.Fingerprint(caseId, null, command)), cancellationToken) is { SameRequest: true } prior
        && prior.CaseId == caseId;

    public async Task<(CaseState State, StoredCase Stored)?> LoadAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var stored = await _store.LoadAsync(caseId, cancellationToken);
        if (stored is null) return null;
        if (_recent.Find(caseId, stored.Version) is { } known) return (known, stored);
        var state = CaseJson.Deserialize(stored.Snapshot.State);
        _recent.Remember(caseId, stored.Version, state, stored.Number.Text);
        return (state, stored);
    }

    /// <summary>The definitions a case runs on (its pinned version), for views that show its guide and form.</summary>
    public Task<PinnedDefinitions?> DefinitionsOfAsync(CaseState state, CancellationToken ct = default) => _versions.GetAsync(state.DefinitionVersion, ct);

    private async Task<CaseCommandResult> ReplayAsync(Guid caseId, IdempotencyKey key, PriorRequest prior, CancellationToken ct)
    {
        if (!prior.SameRequest || prior.CaseId != caseId) return new CaseCommandResult.IdempotencyMismatch(key.Key);
        var loaded = await LoadAsync(caseId, ct);
        if (loaded is null) return new CaseCommandResult.NotFound(caseId);
        return new CaseCommandResult.Ok(caseId, loaded.Value.Stored.Number.Text, prior.Version, loaded.Value.State, Replayed: true);
    }

    private async Task<CaseCommandResult> CreateAsync(Guid caseId, string? itemId, ReceiveMaterials command, IdempotencyKey? key, CancellationToken ct)
    {
        var pinned = await _versions.CurrentAsync(ct);
        if (pinned is null) return new CaseCommandResult.Rejected(ErrorCodes.WorkflowInvalid, "定义尚未加载 (no definitions loaded)");
        var snapshot = pinned.Snapshot;
        var item = itemId is null ? null : snapshot.Set.Item(itemId);
        if (item is null) return new CaseCommandResult.Rejected(ErrorCodes.InvalidArgument, $"事项 {itemId} 不存在 (unknown item)");
        var office = snapshot.Set.Office ?? throw new InvalidOperationException("office.yaml 未加载 (no office definition)");
        var context = Context(pinned, item);
        var receivedYear = ChinaTime.Of(_clock.Now).Year;

        // The engine runs inside the store's creating transaction, once the number is allocated, so
        // the receipt event already carries it; a refusal throws and the number is not consumed.
        CommandResult? result = null;
        CaseChange? change = null;
        var newCase = new NewCase(caseId, office.ShortName, receivedYear, number =>
        {
            result = CaseEngine.Execute(null, command with { CaseId = caseId.ToString("D"), Number = number.Text }, context);
            if (!result.Succeeded) throw new EngineRefusedException();
            return change = Change(caseId, number.Text, result, item, pinned);
        })
        {
            NumberFormat = NumberFormat(office.CaseNumber),
            IdempotencyKey = key,
        };
        CreateResult created;
        try
        {
            created = await _store.CreateCaseAsync(newCase, ct);
        }
        catch (EngineRefusedException)
        {
            return new CaseCommandResult.Rejected(result!.Error!.Code, result.Error.Message);
        }
        catch (DuplicateCaseException)
        {
            return new CaseCommandResult.Rejected(ErrorCodes.CaseAlreadyExists, $"办件 {caseId} 已存在 (the case already exists)");
        }
        switch (created)
        {
            case CreateResult.IdempotencyMismatch m: return new CaseCommandResult.IdempotencyMismatch(m.Key);
            case CreateResult.Created { Replayed: true } c:
                var loaded = await LoadAsync(c.CaseId, ct) ?? throw new InvalidOperationException($"case {c.CaseId} vanished after creation");
                return new CaseCommandResult.Ok(c.CaseId, c.Number.Text, loaded.Stored.Version, loaded.State, Replayed: true);
            case CreateResult.Created c:
                // Just stored: the engine's state is the snapshot, and a new case's version is its event count.
                await HandOffAsync(change!, ct);
                _recent.Remember(c.CaseId, change!.Events.Count, result!.State!, c.Number.Text);
                Announce(new CaseCommit(c.CaseId, c.Number.Text, result!.State!, result.Events));
                return new CaseCommandResult.Ok(c.CaseId, c.Number.Text, change!.Events.Count, result.State!);
            default: throw new InvalidOperationException($"unexpected {created}");
        }
    }

    private async Task<CaseCommandResult> AppendAsync(Guid caseId, CaseCommand command, IdempotencyKey? key, long? expectedVersion, CancellationToken ct)
    {
        // The state this process last stored or read: run on it without reading the row again. The
        // store's version check still decides; when it says the case moved on (another node, another
        // store), or the engine refuses or has nothing to do, the answer comes from the stored case below.
        if (_recent.Latest(caseId) is { } recent && (expectedVersion ?? recent.Version) == recent.Version
            && await RunAsync(caseId, recent.Number, recent.Version, recent.State, command, key, speculative: true, ct) is { } fast)
            return fast;

        var loaded = await LoadAsync(caseId, ct);
        if (loaded is null) return new CaseCommandResult.NotFound(caseId);
        var (state, stored) = loaded.Value;
        var version = expectedVersion ?? stored.Version;
        if (version != stored.Version) return new CaseCommandResult.Conflict(version, stored.Version);
        return (await RunAsync(caseId, stored.Number.Text, version, state, command, key, speculative: false, ct))!;
    }

    /// <summary>Executes <paramref name="command"/> on <paramref name="state"/> at <paramref name="version"/> and appends its events.</summary>
    /// <param name="speculative">The state came from this process's memory, not from the store just now: return null
    /// wherever the stored case could answer differently (a refusal, no events, a conflict, a missing case).</param>
    private async Task<CaseCommandResult?> RunAsync(
        Guid caseId, string number, long version, CaseState state, CaseCommand command, IdempotencyKey? key, bool speculative, CancellationToken ct)
    {
        var pinned = await _versions.GetAsync(state.DefinitionVersion, ct);
        var item = pinned?.Snapshot.Set.Item(state.ItemId);
        if (pinned is null || item is null)
        {
            return speculative ? null : new CaseCommandResult.Rejected(ErrorCodes.WorkflowInvalid,
                $"事项 {state.ItemId} 的定义版本 {state.DefinitionVersion} 不可用 (the case's definition version is not available)");
        }

        command = await CreditRecord.WithApplicantCreditAsync(_store, command, state, ChinaToday(), ct);
        var result = CaseEngine.Execute(state, command, Context(pinned, item));
        if (!result.Succeeded) return speculative ? null : new CaseCommandResult.Rejected(result.Error!.Code, result.Error.Message);
        if (result.Events.Count == 0) return speculative ? null : new CaseCommandResult.Ok(caseId, number, version, state);

        var change = Change(caseId, number, result, item, pinned);
        var appended = await _store.AppendAsync(caseId, version, change, key, ct);
        switch (appended)
        {
            case AppendResult.Appended { Replayed: true } a:
                var current = await LoadAsync(caseId, ct) ?? throw new InvalidOperationException($"case {caseId} vanished");
                return new CaseCommandResult.Ok(caseId, number, a.Version, current.State, Replayed: true);
            case AppendResult.Appended a:
                await HandOffAsync(change, ct);
                _recent.Remember(caseId, a.Version, result.State!, number);
                Announce(new CaseCommit(caseId, number, result.State!, result.Events));
                return new CaseCommandResult.Ok(caseId, number, a.Version, result.State!);
            case AppendResult.Conflict c: return speculative ? null : new CaseCommandResult.Conflict(c.ExpectedVersion, c.ActualVersion);
            case AppendResult.IdempotencyMismatch m: return new CaseCommandResult.IdempotencyMismatch(m.Key);
            case AppendResult.NotFound: return speculative ? null : new CaseCommandResult.NotFound(caseId);
            default: throw new InvalidOperationException($"unexpected {appended}");
        }
    }

    /// <summary>Listeners run after the commit; one that throws must not turn a stored command into an error.</summary>
    private void Announce(CaseCommit commit)
    {
        foreach (var listener in _listeners)
        {
            try { listener.OnCommitted(commit); }
            catch (Exception) { /* listeners log their own failures; the command is stored */ }
        }
    }

    /// <summary>
    /// The events and snapshot of a command, with the timer that wakes the case next (counted from the
    /// command's time) and its effects: outbox intents, document numbers and register entries. A case
    /// that ends refused or withdrawn in this command has its certificates revoked in the same transaction.
    /// </summary>
    private CaseChange Change(Guid caseId, string number, CommandResult result, Workflows.Definitions.Model.ItemDefinition item, PinnedDefinitions pinned)
    {
        var snapshot = pinned.Snapshot;
        var documents = _documents.Plan(caseId, result.Intents, pinned);
        var intents = documents.Intents.ToList();
        if (_notifications.Intent(caseId, number, result.State!.ItemId, result.Events) is { } notify) intents.Add(notify);
        // A decision against the applicant (不予许可, 不予受理) or a withdrawal: no certificate of the case stays valid.
        var ended = result.Events.Any(e => e is DecisionRecorded or CaseClosed or CaseWithdrawn or CaseTerminated)
            && (result.State.Decision is Workflows.Engine.State.CaseDecision.Denied or Workflows.Engine.State.CaseDecision.Refused
                || result.State.Status is Workflows.Engine.State.CaseStatus.Refused or Workflows.Engine.State.CaseStatus.Withdrawn
                    or Workflows.Engine.State.CaseStatus.Terminated);
        // 撤销 (a false pledge): the register follows the case, and the applicant's credit record gets the mark.
        var revoked = result.Events.Any(e => e is DecisionRevoked);
        return new(result.Events.Select(CaseJson.ToNewEvent).ToList(), CaseJson.Snapshot(result.State!, CaseJson.PartiesOf(item), CaseFigureIndex.Of(result.State!, snapshot, item)))
        {
            Timers = CaseTimers.For(caseId, result.State!, snapshot.Calendar, snapshot.Set.Office?.Clock, result.Events[0].At),
            Intents = intents,
            DocumentNumbers = documents.Numbers,
            Certificates = documents.Certificates,
            RevokeCertificatesAs = revoked ? CertificateRecord.RevokedByDecision : ended ? CertificateRecord.Revoked : null,
            CreditMarks = CreditRecord.MarksOf(caseId, number, result),
        };
    }

    /// <summary>After the commit: the change's intents go to the effect queue (the outbox already holds them).</summary>
    private async Task HandOffAsync(CaseChange change, CancellationToken ct)
    {
        if (change.Intents.Count > 0) await _effects.EnqueueAsync(change.Intents.Select(i => i.Id).ToList(), ct);
    }

    /// <summary>
    /// Fires a store timer: claims it and appends the case's Tick in one store transaction, so a
    /// crash can neither lose the wake nor fire it twice. False when another node fired it, or when
    /// the case's definitions are not available here (the timer then stays pending for a later sweep).
    /// </summary>
    public async Task<bool> FireTimerAsync(ScheduledTimer timer, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(timer.CaseId, ct);
        var pinned = loaded is null ? null : await _versions.GetAsync(loaded.Value.State.DefinitionVersion, ct);
        var item = pinned?.Snapshot.Set.Item(loaded!.Value.State.ItemId);
        if (loaded is not null && (pinned is null || item is null)) return false;
        var now = _clock.Now;
        CommandResult? result = null;
        var firing = await _store.FireTimerAsync(timer.Id, now, stored =>
        {
            var state = _recent.Find(stored.Id, stored.Version) ?? CaseJson.Deserialize(stored.Snapshot.State);
            result = CaseEngine.Execute(state, new Tick(now), Context(pinned!, item!));
            return result.Succeeded && result.Events.Count > 0 ? Change(stored.Id, stored.Number.Text, result, item!, pinned!) : null;
        }, ct);
        if (firing is { Change: { } change, Version: { } version })
        {
            await HandOffAsync(change, ct);
            _recent.Remember(timer.CaseId, version, result!.State!, loaded!.Value.Stored.Number.Text);
            Announce(new CaseCommit(timer.CaseId, loaded.Value.Stored.Number.Text, result.State!, result.Events));
        }
        return firing.Claimed;
    }

    private EngineContext Context(PinnedDefinitions pinned, Workflows.Definitions.Model.ItemDefinition item)
    {
        var snapshot = pinned.Snapshot;
        var sandbox = _sandboxes.GetValue(snapshot.Calendar, calendar => new ScriptSandbox(calendar, ChinaToday));
        return new EngineContext(_clock, snapshot.Calendar, new PublishedItem(item, snapshot.Version, snapshot.Set.Office?.Clock) { Graph = snapshot.Graphs.GetValueOrDefault(item.Id) },
            new ScriptConditionEvaluator(sandbox), _activities);
    }

    private DateOnly ChinaToday() => ChinaTime.DateOf(_clock.Now);

    private static CaseNumberFormat NumberFormat(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return CaseNumberFormat.Default;
        try { return new CaseNumberFormat(pattern); }
        catch (FormatException) { return CaseNumberFormat.Default; }
    }

    private sealed class EngineRefusedException : Exception;
}
