namespace Workflows.Storage;

/// <summary>
/// A mark in an applicant's credit record (信用记录), by the applicant's ID number or USCC (as the
/// cases table indexes applicants): a false pledge found by a 告知承诺 check, or 失信 entered from a
/// credit list. A marked applicant is refused 告知承诺 and 容缺 at intake.
/// </summary>
/// <param name="Id">Stable per mark (a case's false pledge is marked once however often the change is retried).</param>
/// <param name="Kind"><c>false-pledge</c> or <c>dishonest</c>.</param>
public sealed record StoredCreditMark(string Id, string ApplicantId, string Kind, string Reason, DateOnly MarkedOn, Guid? CaseId = null, string? CaseNumber = null);

public interface ICreditRecords
{
    /// <summary>The applicant's marks, newest first.</summary>
    Task<IReadOnlyList<StoredCreditMark>> FindCreditMarksAsync(string applicantId, CancellationToken cancellationToken = default);

    /// <summary>Adds a mark from outside a case (a 失信 list); false when a mark with its id exists.</summary>
    Task<bool> AddCreditMarkAsync(StoredCreditMark mark, CancellationToken cancellationToken = default);
}
