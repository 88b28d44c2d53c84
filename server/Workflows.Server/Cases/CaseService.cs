using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Execution;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Scripting;
using Workflows.Server.Hosting;
using Workflows.Server.Scheduling;
using Workflows.Storage;

namespace Workflows.Server.Cases;

/// <summary>
/// Runs engine commands against stored cases: load the snapshot, execute, append the events and
/// the new snapshot at the loaded version (optimistic concurrency), with the caller's idempotency key.
/// Limitation: a case runs on the catalog's current definitions, not yet on the version it is
/// pinned to (<see cref="CaseState.DefinitionVersion"/>); that needs the published versions kept.
/// Every change carries the timer of the case's next wake (<see cref="CaseTimers"/>), committed with
/// its events and handed to <paramref name="timers"/> (the scheduler) once stored.
/// </summary>
public sealed class CaseService(ICaseStore store, DefinitionCatalog catalog, string dataFolder, IClock? clock = null, ICaseTimerSink? timers = null)
{
    /// <summary>
    /// The number the case-received event carries: the store allocates the real one inside the
    /// creating transaction, after the engine ran. The loaded state gets the stored number.
    /// </summary>
    public const string PendingNumber = "(待编号)";

    private readonly IClock _clock = clock ?? SystemClock.Instance;

    /// <param name="itemId">The item to receive for: required with <see cref="ReceiveMaterials"/>, ignored otherwise.</param>
    /// <param name="expectedVersion">The version the caller decided on (If-Match); null means "whatever is loaded now".</param>
    public async Task<CaseCommandResult> ExecuteAsync(
        Guid caseId, CaseCommand command, string? idempotencyKey = null, string? itemId = null,
        long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var snapshot = catalog.Current ?? throw new InvalidOperationException("定义尚未加载 (no definitions loaded)");
        var key = idempotencyKey is { Length: > 0 } ? IdempotencyKey.ForRequest(idempotencyKey, CaseJson.Fingerprint(caseId, itemId, command)) : null;
        return command is ReceiveMaterials receive
            ? await CreateAsync(caseId, itemId, receive, key, snapshot, cancellationToken)
            : await AppendAsync(caseId, command, key, expectedVersion, snapshot, cancellationToken);
    }

    public async Task<(CaseState State, StoredCase Stored)?> LoadAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var stored = await store.LoadAsync(caseId, cancellationToken);
        return stored is null ? null : (CaseJson.Deserialize(stored.Snapshot.State) with { Number = stored.Number.Text }, stored);
    }

    private async Task<CaseCommandResult> CreateAsync(Guid caseId, string? itemId, ReceiveMaterials command, IdempotencyKey? key, DefinitionSnapshot snapshot, CancellationToken ct)
    {
        var item = itemId is null ? null : snapshot.Set.Item(itemId);
        if (item is null) return new CaseCommandResult.Rejected(ErrorCodes.InvalidArgument, $"事项 {itemId} 不存在 (unknown item)");
        var office = snapshot.Set.Office ?? throw new InvalidOperationException("office.yaml 未加载 (no office definition)");
        var result = CaseEngine.Execute(null, command with { CaseId = caseId.ToString("D"), Number = PendingNumber }, Context(snapshot, item));
        if (!result.Succeeded) return new CaseCommandResult.Rejected(result.Error!.Code, result.Error.Message);
        var state = result.State!;
        var newCase = new NewCase(caseId, office.ShortName, state.ReceivedAt.ToOffset(TimeSpan.FromHours(8)).Year, Change(caseId, result, snapshot))
        {
            NumberFormat = NumberFormat(office.CaseNumber),
            IdempotencyKey = key,
        };
        CreateResult created;
        try
        {
            created = await store.CreateCaseAsync(newCase, ct);
        }
        catch (DuplicateCaseException)
        {
            return new CaseCommandResult.Rejected(ErrorCodes.CaseAlreadyExists, $"办件 {caseId} 已存在 (the case already exists)");
        }
        switch (created)
        {
            case CreateResult.IdempotencyMismatch m: return new CaseCommandResult.IdempotencyMismatch(m.Key);
            case CreateResult.Created c:
                if (!c.Replayed) await HandOffAsync(newCase.Initial, ct);
                var loaded = await LoadAsync(c.CaseId, ct) ?? throw new InvalidOperationException($"case {c.CaseId} vanished after creation");
                return new CaseCommandResult.Ok(c.CaseId, c.Number.Text, loaded.Stored.Version, loaded.State, c.Replayed);
            default: throw new InvalidOperationException($"unexpected {created}");
        }
    }

    private async Task<CaseCommandResult> AppendAsync(Guid caseId, CaseCommand command, IdempotencyKey? key, long? expectedVersion, DefinitionSnapshot snapshot, CancellationToken ct)
    {
        var loaded = await LoadAsync(caseId, ct);
        if (loaded is null) return new CaseCommandResult.NotFound(caseId);
        var (state, stored) = loaded.Value;
        if (key is not null)
        {
            // A retry of a call that was stored must get its original answer, though the case has
            // moved on and the engine would now refuse the command. The store checks the key before
            // the version, so an append at an impossible version either replays or writes nothing.
            var probe = new CaseChange([new NewEvent("idempotency-probe", "{}", _clock.Now)], stored.Snapshot);
            switch (await store.AppendAsync(caseId, -1, probe, key, ct))
            {
                case AppendResult.Appended { Replayed: true } a:
                    return new CaseCommandResult.Ok(caseId, stored.Number.Text, a.Version, state, Replayed: true);
                case AppendResult.IdempotencyMismatch m: return new CaseCommandResult.IdempotencyMismatch(m.Key);
                case AppendResult.NotFound: return new CaseCommandResult.NotFound(caseId);
            }
        }
        var version = expectedVersion ?? stored.Version;
        if (version != stored.Version) return new CaseCommandResult.Conflict(version, stored.Version);
        var item = snapshot.Set.Item(state.ItemId);
        if (item is null) return new CaseCommandResult.Rejected(ErrorCodes.WorkflowInvalid, $"事项 {state.ItemId} 已不在定义中 (item no longer defined)");

        var result = CaseEngine.Execute(state, command, Context(snapshot, item));
        if (!result.Succeeded) return new CaseCommandResult.Rejected(result.Error!.Code, result.Error.Message);
        if (result.Events.Count == 0) return new CaseCommandResult.Ok(caseId, stored.Number.Text, stored.Version, state);

        var change = Change(caseId, result, snapshot);
        var appended = await store.AppendAsync(caseId, version, change, key, ct);
        switch (appended)
        {
            case AppendResult.Appended a when a.Replayed:
                var current = await LoadAsync(caseId, ct) ?? throw new InvalidOperationException($"case {caseId} vanished");
                return new CaseCommandResult.Ok(caseId, stored.Number.Text, a.Version, current.State, Replayed: true);
            case AppendResult.Appended a:
                await HandOffAsync(change, ct);
                return new CaseCommandResult.Ok(caseId, stored.Number.Text, a.Version, result.State! with { Number = stored.Number.Text });
            case AppendResult.Conflict c: return new CaseCommandResult.Conflict(c.ExpectedVersion, c.ActualVersion);
            case AppendResult.IdempotencyMismatch m: return new CaseCommandResult.IdempotencyMismatch(m.Key);
            case AppendResult.NotFound: return new CaseCommandResult.NotFound(caseId);
            default: throw new InvalidOperationException($"unexpected {appended}");
        }
    }

    /// <summary>The events and snapshot of a command, with the timer that wakes the case next (counted from the command's time).</summary>
    private static CaseChange Change(Guid caseId, CommandResult result, DefinitionSnapshot snapshot) =>
        new(result.Events.Select(CaseJson.ToNewEvent).ToList(), CaseJson.Snapshot(result.State!))
        {
            Timers = CaseTimers.For(caseId, result.State!, snapshot.Calendar, snapshot.Set.Office?.Clock, result.Events[0].At),
        };

    /// <summary>After the commit: the scheduler arms the change's timers (the store already holds them).</summary>
    private async Task HandOffAsync(CaseChange change, CancellationToken ct)
    {
        if (timers is not null && change.Timers.Count > 0) await timers.ScheduledAsync(change.Timers, ct);
    }

    private EngineContext Context(DefinitionSnapshot snapshot, Workflows.Definitions.Model.ItemDefinition item)
    {
        var sandbox = new ScriptSandbox(snapshot.Calendar, () => DateOnly.FromDateTime(_clock.Now.ToOffset(TimeSpan.FromHours(8)).DateTime));
        return new EngineContext(_clock, snapshot.Calendar, new PublishedItem(item, snapshot.Version, snapshot.Set.Office?.Clock),
            new ScriptConditionEvaluator(sandbox), new TemplateDocumentPort(catalog.TemplatesRoot, dataFolder, _clock),
            new DeferredNotifier(), new UnavailableActivityPort());
    }

    private static CaseNumberFormat NumberFormat(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return CaseNumberFormat.Default;
        try { return new CaseNumberFormat(pattern); }
        catch (FormatException) { return CaseNumberFormat.Default; }
    }
}
