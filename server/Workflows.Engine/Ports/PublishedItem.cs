using Workflows.Definitions.Model;

namespace Workflows.Engine.Ports;

/// <summary>The item version a case is pinned to, with the office's clock settings.</summary>
public sealed record PublishedItem(ItemDefinition Definition, string Version, ClockSettings? Clock = null);
