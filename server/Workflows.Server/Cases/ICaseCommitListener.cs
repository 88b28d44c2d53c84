using Workflows.Engine.Events;
using Workflows.Engine.State;

namespace Workflows.Server.Cases;

/// <summary>A command's events, after they are stored: what notifiers and the scheduler react to.</summary>
public sealed record CaseCommit(Guid CaseId, string Number, CaseState State, IReadOnlyList<CaseEvent> Events);

/// <summary>
/// Told about every stored command, in the process that stored it. Runs inline after the commit:
/// keep it quick (queue work, do not call out) and never throw for the caller.
/// </summary>
public interface ICaseCommitListener
{
    void OnCommitted(CaseCommit commit);
}
