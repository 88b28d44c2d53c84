using Workflows.Definitions.Model;
using Workflows.Engine.Graph;

namespace Workflows.Engine.Ports;

/// <summary>The item version a case is pinned to, with the office's clock settings.</summary>
public sealed record PublishedItem(ItemDefinition Definition, string Version, ClockSettings? Clock = null)
{
    /// <summary>
    /// The item's workflow compiled once for this version (the server keeps it with the version);
    /// without it the engine compiles the definition for the command it runs.
    /// </summary>
    public CompiledWorkflow? Graph { get; init; }
}
