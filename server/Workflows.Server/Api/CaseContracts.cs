using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Workflows.Engine.Queries;
using Workflows.Engine.State;

namespace Workflows.Server.Api;

// The 办件 API's answers as types: the handlers return these and the OpenAPI document (and from it the
// web UI's designer/src/api/schema.d.ts) describes them. Serialized with CaseViews.Json (enums as kebab-case).

/// <summary>One case: its engine state as stored, plus what a screen needs computed.</summary>
/// <param name="Remaining">Working days left; absent when the case's definitions are not loaded.</param>
/// <param name="Level">正常/预警/超期/已暂停 as a key; absent with <paramref name="Remaining"/>.</param>
/// <param name="Replayed">Only on command answers: true when an Idempotency-Key replayed the first answer.</param>
public sealed record CaseView(
    string Id,
    string Number,
    long Version,
    string ItemId,
    string? ItemName,
    string Status,
    string StatusLabel,
    bool Closed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RemainingDays? Remaining,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeadlineLevel? Level,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LevelLabel,
    CaseState Case,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Replayed = null);

/// <summary>A row of the case search.</summary>
public sealed record CaseSummaryView(
    string Id,
    string Number,
    long Version,
    string Status,
    string StatusLabel,
    string? Department,
    string? ApplicantName,
    string? ApplicantId,
    string? DueDate,
    bool Open,
    DateTimeOffset CreatedAt);

public sealed record CaseSearchPage(IReadOnlyList<CaseSummaryView> Items, bool HasMore);

/// <summary>An event of the case's log; <paramref name="Data"/> is its payload as stored (an object, or the raw text if it is not JSON).</summary>
public sealed record CaseEventView(long Sequence, string Type, DateTimeOffset At, JsonNode? Data);

/// <summary>The case's log, and its effects not done yet (pending, or failed after their last retry).</summary>
public sealed record CaseTimeline(Guid Id, string Number, IReadOnlyList<CaseEventView> Events, IReadOnlyList<CaseEffectView> Effects);

/// <summary>An effect not done yet; <paramref name="Reason"/> only for admins and supervisors.</summary>
public sealed record CaseEffectView(string Id, string Kind, string Label, long Version, EffectState State, int Attempts, string? Reason, DateTimeOffset CreatedAt);

/// <summary>Where an effect stands: waiting for its job or a retry, failed after its last retry, or done (only in a run's answer).</summary>
public enum EffectState
{
    Pending,
    Failed,
    Done,
}
