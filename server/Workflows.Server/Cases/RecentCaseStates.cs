using System.Collections.Concurrent;
using Workflows.Engine.State;

namespace Workflows.Server.Cases;

/// <summary>
/// The states this process last stored or read, by case and version: a command on a case that was
/// just worked on skips parsing its snapshot again (a third of a command's cost). The store's row is
/// still read each time, and its version decides: a case changed by another node is parsed anew.
/// States are immutable; their JSON parts (form data, activity output) are materialised before they
/// are shared, because a parsed JsonObject builds its dictionary lazily and not thread-safely.
/// </summary>
public sealed class RecentCaseStates(int capacity = 20_000)
{
    private readonly ConcurrentDictionary<Guid, (long Version, CaseState State)> _states = new();

    public CaseState? Find(Guid caseId, long version) =>
        _states.TryGetValue(caseId, out var hit) && hit.Version == version ? hit.State : null;

    public void Remember(Guid caseId, long version, CaseState state)
    {
        // A crude bound: when full, start over rather than track recency on every hit.
        if (_states.Count >= capacity) _states.Clear();
        Materialise(state.FormData);
        foreach (var activity in state.Activities) Materialise(activity.Output);
        _states[caseId] = (version, state);
    }

    private static void Materialise(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (_, value) in o) Materialise(value);
                break;
            case System.Text.Json.Nodes.JsonArray a:
                foreach (var item in a) Materialise(item);
                break;
        }
    }
}
