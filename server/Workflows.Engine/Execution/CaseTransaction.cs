using Workflows.Definitions.Model;
using Workflows.Engine.Clocks;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Graph;
using Workflows.Engine.Intents;
using Workflows.Engine.Ports;
using Workflows.Engine.Routing;
using Workflows.Engine.State;
using Workflows.Domain;

namespace Workflows.Engine.Execution;

/// <summary>
/// One command's unit of work: every emitted event is folded into the state at once, so later
/// steps of the same command see its effects, and the list of events is exactly what the store
/// appends. Abandoning the transaction (on a rule violation) leaves nothing behind.
/// </summary>
internal sealed class CaseTransaction
{

    private readonly List<CaseEvent> _events = [];
    private readonly List<CaseIntent> _intents = [];
    private readonly int _version;
    private CaseState? _state;
    private Router? _router;
    private CompiledWorkflow? _workflow;

    public CaseTransaction(CaseState? state, EngineContext context, DateTimeOffset now)
    {
        _state = state;
        _version = (state?.Version ?? 0) + 1;
        Context = context;
        Now = ChinaTime.Of(now);
        // Deadlines are counted in China's calendar days whatever offset the caller's clock uses.
        Today = DateOnly.FromDateTime(Now.DateTime);
        Deadlines = new Deadlines(context.Calendar, context.Item.Clock);
    }

    public EngineContext Context { get; }
    public DateTimeOffset Now { get; }
    public DateOnly Today { get; }
    public Deadlines Deadlines { get; }

    public CaseState State => _state ?? throw Fail.CaseNotFound();
    public CaseState? StateOrNull => _state;
    public IReadOnlyList<CaseEvent> Events => _events;
    public IReadOnlyList<CaseIntent> Intents => _intents;

    public ItemDefinition Item => Context.Item.Definition;

    /// <summary>The graph the case runs: the version's compiled one, or compiled here for a caller that has none.</summary>
    public CompiledWorkflow Workflow => _workflow ??= Context.Item.Graph ?? Compile(Item);

    private static CompiledWorkflow Compile(ItemDefinition item)
    {
        try { return WorkflowCompiler.Compile(item); }
        catch (WorkflowCompileException e) { throw Fail.Workflow(e.Message); }
    }

    public Router Router => _router ??= new Router(this);

    /// <summary>The one-time notice to issue if routing enters the intake step again during this command.</summary>
    public PendingNotice? PendingNotice { get; set; }

    public void Emit(CaseEvent @event)
    {
        var stamped = @event with { At = Now, Version = _version };
        _state = CaseEvents.Apply(_state, stamped);
        _events.Add(stamped);
    }

    /// <summary>
    /// The id the next intent will get: the case, this command's version and the intent's place in
    /// the command. A document is named by it before it is rendered, so the event can reference it.
    /// </summary>
    public string NextIntentId() => $"{State.Id.Replace("-", "", StringComparison.Ordinal)}-{_version}-{_intents.Count + 1}";

    /// <summary>Records an effect to carry out after the commit (see <see cref="CaseIntent"/>).</summary>
    public void Intend(CaseIntent intent) => _intents.Add(intent with { Id = NextIntentId() });

    public string NextTokenId() => $"k{State.TokensCreated + 1}";

    public string NextTaskId() => $"t{State.Tasks.Count + 1}";
}

/// <summary>A one-time notice carried by a command that may route back to the window.</summary>
internal sealed record PendingNotice(IReadOnlyList<MaterialDeficiency> Deficiencies, string RequestedBy);
