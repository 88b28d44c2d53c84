namespace Workflows.Engine.Commands;

/// <summary>
/// The State Council schedule of <paramref name="PublishedYears"/> was added: due dates counted
/// through those years with the statutory holidays only (暂定) are counted again with the published
/// schedule. The context's calendar must already contain the new schedules. Without years, every
/// year the calendar now has that a provisional date was counted through (what a server runs after
/// a restart, when it cannot know what was added while it was down); idempotent either way.
/// </summary>
public sealed record RecomputeDeadlines(IReadOnlyList<int>? PublishedYears = null) : CaseCommand;
