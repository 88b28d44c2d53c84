namespace Workflows.Storage;

/// <summary>
/// A mark in an applicant's credit record (信用记录), by the applicant's ID number or USCC (as the
/// cases table indexes applicants): a false pledge found by a 告知承诺 check, or 失信 entered from a
/// credit list. A marked applicant is refused 告知承诺 and 容缺 at intake while the mark is active:
/// not lifted (信用修复) and not past <see cref="ValidUntil"/>. Marks are never deleted.
/// </summary>
/// <param name="Id">Stable per mark (a case's false pledge is marked once however often the change is retried).</param>
/// <param name="Kind"><c>false-pledge</c> or <c>dishonest</c>.</param>
public sealed record StoredCreditMark(string Id, string ApplicantId, string Kind, string Reason, DateOnly MarkedOn, Guid? CaseId = null, string? CaseNumber = null)
{
    /// <summary>The applicant's name as the list or the case gave it.</summary>
    public string? ApplicantName { get; init; }
    /// <summary>Where a 失信 mark comes from (e.g. 法院失信被执行人名单 and its document number).</summary>
    public string? Basis { get; init; }
    /// <summary>The last day the mark refuses (inclusive); null: until lifted.</summary>
    public DateOnly? ValidUntil { get; init; }
    /// <summary>Who entered the mark (an admin, or the CLI's operator); null for a case's false pledge.</summary>
    public string? AddedBy { get; init; }
    /// <summary>信用修复: the day the mark was lifted, by whom and why (the row stays).</summary>
    public DateOnly? LiftedOn { get; init; }
    public string? LiftedBy { get; init; }
    public string? LiftReason { get; init; }

    /// <summary>Refuses 容缺 and 告知承诺 on <paramref name="today"/>.</summary>
    public bool IsActiveOn(DateOnly today) => LiftedOn is null && (ValidUntil is not { } until || until >= today);
}

/// <param name="ApplicantId">Only this applicant's marks (null: every mark).</param>
public sealed record CreditMarkQuery(string? ApplicantId = null, int Skip = 0, int Take = 50);

/// <param name="Total">Every mark matching the query, not only this page.</param>
public sealed record CreditMarkPage(IReadOnlyList<StoredCreditMark> Marks, int Total);

/// <summary>What <see cref="ICreditRecords.LiftCreditMarkAsync"/> found.</summary>
public enum CreditMarkLift { Lifted, NotFound, AlreadyLifted }

public interface ICreditRecords
{
    /// <summary>The applicant's marks, newest first (lifted and expired ones too).</summary>
    Task<IReadOnlyList<StoredCreditMark>> FindCreditMarksAsync(string applicantId, CancellationToken cancellationToken = default);

    /// <summary>One mark by its id; null when unknown.</summary>
    Task<StoredCreditMark?> FindCreditMarkAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The applicant's newest mark that refuses on <paramref name="today"/> (not lifted, not expired); null when none.</summary>
    Task<StoredCreditMark?> FindActiveCreditMarkAsync(string applicantId, DateOnly today, CancellationToken cancellationToken = default);

    /// <summary>A page of marks, newest first.</summary>
    Task<CreditMarkPage> ListCreditMarksAsync(CreditMarkQuery query, CancellationToken cancellationToken = default);

    /// <summary>Adds a mark from outside a case (a 失信 list); false when a mark with its id exists.</summary>
    Task<bool> AddCreditMarkAsync(StoredCreditMark mark, CancellationToken cancellationToken = default);

    /// <summary>信用修复: marks the mark lifted (the row stays), unless it is unknown or lifted already.</summary>
    Task<CreditMarkLift> LiftCreditMarkAsync(string id, DateOnly on, string by, string reason, CancellationToken cancellationToken = default);
}
