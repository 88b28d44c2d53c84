namespace Workflows.Storage;

/// <summary>
/// Document numbers (发文字号) such as <c>桃水许准〔2026〕12号</c>: one sequence per series (a department's
/// 机关代字) and year, kept beside the case numbers in the case store. A number is reserved for one
/// document of one case (<paramref name="document"/> names it, e.g. <c>notices/approval-decision#1</c>):
/// asking again for the same document gives the same number, so a retried command reuses it rather
/// than leaving a gap, and no number is ever handed to two documents.
/// </summary>
public interface IDocumentNumbers
{
    /// <summary>The number reserved for this document of the case, allocating the series' next one for the year when it has none.</summary>
    Task<long> ReserveDocumentNumberAsync(string series, int year, Guid caseId, string document, CancellationToken cancellationToken = default);
}
