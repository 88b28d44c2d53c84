namespace Workflows.Storage;

/// <summary>
/// The index columns supervision and the work lists read instead of snapshots, written with every
/// change in the same transaction. Dates are China-time calendar days. The deadline level is not
/// stored (it depends on today): the store compares <see cref="LevelDue"/> and <see cref="WarnFrom"/>
/// with today in SQL, exactly as the engine's <c>DeadlineLevels.On</c> does.
/// </summary>
/// <param name="ItemId">The item the case is of.</param>
/// <param name="ItemDepartment">The item's own department: the row supervision counts the case under.</param>
/// <param name="LevelDue">The promised due date while the case is open and accepted (超期 after it).</param>
/// <param name="WarnFrom">The first day of 预警 for <see cref="LevelDue"/>.</param>
/// <param name="Suspended">The case is suspended (its clock stands still): 已暂停, neither warned nor overdue.</param>
/// <param name="ReceivedOn">The day the case was received (收件).</param>
/// <param name="ClosedOn">The day it closed, or null while open.</param>
/// <param name="OnTime">For an accepted case that closed with a decision (not withdrawn): closed on or before its
/// promised date; null for cases the 按时办结率 does not count.</param>
/// <param name="Rating">The 好差评 level's name (e.g. <c>VerySatisfied</c>), or null when not rated.</param>
/// <param name="Assignees">The open tasks' signers as <c>|d:department:role#claimer|</c> or <c>|w:window:role#claimer|</c>
/// (role <c>*</c> when any role fits, claimer empty while unclaimed): what an inbox matches with <see cref="WorkQuery.AnyOf"/>.</param>
/// <param name="TaskDue">The earliest due date of the open tasks: the inbox's order.</param>
/// <param name="ProcedureDue">The announced end of the 特别程序 running now.</param>
/// <param name="PledgeCheckDue">The due date of the open 告知承诺 核查 task (it stays open after 办结): supervision counts it past due.</param>
public sealed record CaseFigures(
    string? ItemId = null,
    string? ItemDepartment = null,
    DateOnly? LevelDue = null,
    DateOnly? WarnFrom = null,
    bool Suspended = false,
    DateOnly? ReceivedOn = null,
    DateOnly? ClosedOn = null,
    bool? OnTime = null,
    string? Rating = null,
    string? Assignees = null,
    DateOnly? TaskDue = null,
    DateOnly? ProcedureDue = null,
    DateOnly? PledgeCheckDue = null)
{
    public static CaseFigures None { get; } = new();

    /// <summary>One signer's <see cref="Assignees"/> entry without its bars.</summary>
    public static string AssigneeKey(string? department, string? window, string? role, string? claimedBy) =>
        (window is not null ? "w:" + window : "d:" + department) + ":" + (role ?? "*") + "#" + claimedBy;
}
