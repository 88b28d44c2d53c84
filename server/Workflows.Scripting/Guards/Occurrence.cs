using System.Text.RegularExpressions;

namespace Workflows.Scripting.Guards;

/// <summary>One match to be replaced, with its groups when it came from a regular expression.</summary>
internal sealed record Occurrence(int Index, int Length, Match? Match);
