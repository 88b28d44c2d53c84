using System.Collections.Concurrent;
using Workflows.Engine.State;

namespace Workflows.Server.Cases;

/// <summary>
/// The states this process last stored or read, by case, with their version and number: a command on
/// a case that was just worked on runs on it without reading and parsing its snapshot again. The
/// store's version check on append decides: a case changed by another node is read and parsed anew.
/// States are immutable; their JSON parts (form data, activity output) are materialised before they
/// are shared, because a parsed JsonObject builds its dictionary lazily and not thread-safely.
/// </summary>
public sealed class RecentCaseStates(int capacity = 20_000)
{
    private readonly ConcurrentDictionary<Guid, Recent> _states = new();

    public sealed record Recent(long Version, CaseState State, string Number);

    public CaseState? Find(Guid caseId, long version) =>
        _states.TryGetValue(caseId, out var hit) && hit.Version == version ? hit.State : null;

    /// <summary>The last state this process stored or read of the case, whatever the store holds now.</summary>
    public Recent? Latest(Guid caseId) => _states.TryGetValue(caseId, out var hit) ? hit : null;

    public void Remember(Guid caseId, long version, CaseState state, string number)
    {
        // A crude bound: when full, start over rather than track recency on every hit.
        if (_states.Count >= capacity) _states.Clear();
        Materialise(state.FormData);
        foreach (var activity in state.Activities) Materialise(activity.Output);
        _states.AddOrUpdate(caseId, new Recent(version, state, number),
            (_, known) => known.Version > version ? known : new Recent(version, state, number));
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
