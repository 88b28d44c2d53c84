namespace Workflows.Storage;

/// <summary>
/// Counts and work lists over every case, from the index columns of <see cref="CaseFigures"/> (never
/// by loading snapshots), so supervision counts a million cases in well under a second and an inbox
/// is a page. <c>party</c> limits every answer to cases that department or window (<c>w:</c>) is a
/// party to (<see cref="CaseIndex.Parties"/>); null means every case. Every provider implements it and
/// the compliance suite checks it.
/// </summary>
public interface ICaseFigures
{
    /// <summary>
    /// Open cases per item department, with how many are at 预警, 超期 and 已暂停 on <paramref name="today"/>, and in a 特别程序
    /// past its announced end; and per department the 告知承诺 核查 past due, open or closed (a department with only such a
    /// check has a row with no open case).
    /// </summary>
    Task<IReadOnlyList<DeadlineCount>> DeadlineCountsAsync(DateOnly today, string? party, CancellationToken cancellationToken = default);

    /// <summary>The open cases at 预警, 超期 or 已暂停 on <paramref name="today"/>: overdue first, then by due date; at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<DeadlineCase>> DeadlineCasesAsync(DateOnly today, string? party, int take, CancellationToken cancellationToken = default);

    /// <summary>Per item department: cases received, closed with a decision, and of those closed on time.</summary>
    Task<IReadOnlyList<OutcomeCount>> OutcomeCountsAsync(string? party, CancellationToken cancellationToken = default);

    /// <summary>Per item department and day since <paramref name="from"/> (inclusive): cases received and cases closed.</summary>
    Task<IReadOnlyList<DayCount>> DailyCountsAsync(DateOnly from, string? party, CancellationToken cancellationToken = default);

    /// <summary>How many cases got each 好差评 level.</summary>
    Task<IReadOnlyList<RatingCount>> RatingCountsAsync(string? party, CancellationToken cancellationToken = default);

    /// <summary>A page of cases with an open task for any of the given assignees (a 核查 outlives 办结), earliest task due first, and how many there are.</summary>
    Task<WorkPage> WorkAsync(WorkQuery query, CancellationToken cancellationToken = default);

    /// <summary>Cases closed on or after a day, most recently closed first.</summary>
    Task<IReadOnlyList<Guid>> ClosedSinceAsync(ClosedQuery query, CancellationToken cancellationToken = default);

    /// <summary>Cases rated with any of <paramref name="ratings"/>, newest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<Guid>> RatedAsync(IReadOnlyCollection<string> ratings, string? party, int take, CancellationToken cancellationToken = default);

    /// <summary>Cases whose figure columns were never written (stored before they existed), at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<Guid>> WithoutFiguresAsync(int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a case's figure columns, provided it is still at <paramref name="version"/> (a change since then
    /// wrote its own); true when written. Only for filling in cases stored before the columns existed.
    /// </summary>
    Task<bool> SetFiguresAsync(Guid caseId, long version, CaseFigures figures, CancellationToken cancellationToken = default);
}

/// <param name="Department">The item department (null when the case's item had none).</param>
public sealed record DeadlineCount(string? Department, int Open, int Warning, int Overdue, int Suspended)
{
    /// <summary>Open cases whose 特别程序 has run past its announced end (<see cref="CaseFigures.ProcedureDue"/>).</summary>
    public int ProcedureOverrun { get; init; }

    /// <summary>Cases, open or 办结, whose 告知承诺 核查 is still open after its due date (<see cref="CaseFigures.PledgeCheckDue"/>).</summary>
    public int PledgeCheckOverdue { get; init; }
}

/// <summary>An open case at a deadline level, from index columns.</summary>
public sealed record DeadlineCase(
    Guid Id, string Number, string Status, string? ItemId, string? ItemDepartment, string? Department, string? ApplicantName,
    DateOnly? Due, DateOnly? WarnFrom, bool Suspended)
{
    /// <summary>The announced end of the 特别程序 running now, if any.</summary>
    public DateOnly? ProcedureDue { get; init; }
}

/// <param name="Closed">Closed with a decision after acceptance (what the 按时办结率 counts).</param>
public sealed record OutcomeCount(string? Department, int Received, int Closed, int OnTime);

public sealed record DayCount(string? Department, DateOnly Day, int Received, int Closed);

public sealed record RatingCount(string Rating, int Count);

/// <summary>An inbox page.</summary>
/// <param name="AnyOf">Fragments of <see cref="CaseFigures.Assignees"/> (without bars at the ends that are not
/// given): a case matches when its assignees contain any of them.</param>
public sealed record WorkQuery(IReadOnlyList<string> AnyOf, int Skip = 0, int Take = 50);

/// <param name="Ids">The page's cases in order.</param>
/// <param name="Total">Every matching case, not only this page.</param>
public sealed record WorkPage(IReadOnlyList<Guid> Ids, int Total);

/// <param name="UnratedOnly">Only cases without a 好差评 yet.</param>
/// <param name="ExceptStatus">Leave out cases in this status (e.g. withdrawn ones).</param>
public sealed record ClosedQuery(DateOnly Since, string? Party = null, bool UnratedOnly = false, string? ExceptStatus = null, int Take = 200);
