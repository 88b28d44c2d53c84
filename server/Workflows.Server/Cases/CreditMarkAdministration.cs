using System.Text.RegularExpressions;
using Workflows.Engine.State;
using Workflows.Storage;

namespace Workflows.Server.Cases;

/// <summary>A refused credit-mark change: a stable code (WF963x), a message "中文 (English)" and the HTTP status.</summary>
public sealed record CreditMarkProblem(string Code, string Message, int Status = 400);

/// <summary>
/// 失信 marks an office manages, shared by the admin API (<c>/api/credit-marks</c>) and
/// <c>workflows credit</c>: entering a mark from a credit list (法院失信被执行人名单 and the like) and
/// 信用修复 (lifting a mark: the row stays with who, when and why; marks are never deleted). Every
/// change goes to the security log through <c>audit</c>. Codes WF963x, never renumbered.
/// </summary>
public sealed partial class CreditMarkAdministration(ICreditRecords records, Func<SecurityEvent, CancellationToken, Task> audit, Func<DateTimeOffset> now)
{
    public const string ApplicantIdInvalid = "WF9630";
    public const string FieldRequired = "WF9631";
    public const string ValidUntilInvalid = "WF9632";
    public const string MarkNotFound = "WF9633";
    public const string MarkAlreadyLifted = "WF9634";

    /// <summary>The longest text a mark keeps per field (a reason or a basis is a sentence or a document number).</summary>
    public const int MostText = 500;

    /// <param name="ValidUntil">The last day the mark refuses; null: until lifted.</param>
    public sealed record Draft(string ApplicantId, string ApplicantName, string Reason, string Basis, DateOnly? ValidUntil);

    public DateOnly Today => Workflows.Domain.ChinaTime.DateOf(now());

    /// <summary>ID numbers (15 or 18 characters) and USCCs (18) as the cases table keeps them, upper-case.</summary>
    public static string? NormalizeApplicantId(string? text)
    {
        var id = text?.Trim().ToUpperInvariant();
        return id is not null && ApplicantIdPattern().IsMatch(id) ? id : null;
    }

    public async Task<CreditMarkPage> ListAsync(string? applicantId, int page, int pageSize, CancellationToken ct) =>
        await records.ListCreditMarksAsync(new CreditMarkQuery(applicantId, (page - 1) * pageSize, pageSize), ct);

    /// <summary>Enters a <c>dishonest</c> mark dated today; the mark, or why it was refused.</summary>
    public async Task<(StoredCreditMark? Mark, CreditMarkProblem? Problem)> AddAsync(Draft draft, string by, string? address, CancellationToken ct)
    {
        if (NormalizeApplicantId(draft.ApplicantId) is not { } applicantId)
            return (null, new(ApplicantIdInvalid, "申请人证件号码应为 15 或 18 位身份证号码或 18 位统一社会信用代码 (the applicant's ID number or USCC is invalid)"));
        foreach (var (value, name) in new[] { (draft.ApplicantName, "申请人名称 (applicant name)"), (draft.Reason, "失信事由 (reason)"), (draft.Basis, "来源依据 (basis)") })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > MostText)
                return (null, new(FieldRequired, $"须填写{name}，最多 {MostText} 字 (required, at most {MostText} characters)"));
        }
        var today = Today;
        if (draft.ValidUntil is { } until && until < today)
            return (null, new(ValidUntilInvalid, $"有效期至 {until:yyyy-MM-dd} 早于今天，记录不会生效 (valid-until lies in the past)"));

        var mark = new StoredCreditMark($"{CreditMark.Dishonest}:{Guid.NewGuid():N}", applicantId, CreditMark.Dishonest, draft.Reason.Trim(), today)
        {
            ApplicantName = draft.ApplicantName.Trim(), Basis = draft.Basis.Trim(), ValidUntil = draft.ValidUntil, AddedBy = by,
        };
        await records.AddCreditMarkAsync(mark, ct);
        await audit(new SecurityEvent(now(), Security.SecurityLog.CreditMarkAdded, by, address,
            $"{Masked(applicantId)} {mark.ApplicantName}：{mark.Reason}（{mark.Basis}）{(mark.ValidUntil is { } u ? $"，有效期至 {u:yyyy-MM-dd}" : "")}", mark.Id), ct);
        return (mark, null);
    }

    /// <summary>信用修复: lifts the mark today with the reason; the lifted mark, or why not.</summary>
    public async Task<(StoredCreditMark? Mark, CreditMarkProblem? Problem)> LiftAsync(string id, string? reason, string by, string? address, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MostText)
            return (null, new(FieldRequired, $"须填写解除（信用修复）理由，最多 {MostText} 字 (a reason is required)"));
        var lifted = await records.LiftCreditMarkAsync(id, Today, by, reason.Trim(), ct);
        if (lifted == CreditMarkLift.NotFound) return (null, new(MarkNotFound, $"没有信用记录 {id} (no such credit mark)", 404));
        if (lifted == CreditMarkLift.AlreadyLifted) return (null, new(MarkAlreadyLifted, "该信用记录已解除 (the mark was already lifted)", 409));
        var mark = await records.FindCreditMarkAsync(id, ct);
        await audit(new SecurityEvent(now(), Security.SecurityLog.CreditMarkLifted, by, address,
            $"{Masked(mark?.ApplicantId ?? "")} {mark?.ApplicantName}：{reason.Trim()}", id), ct);
        return (mark, null);
    }

    /// <summary>The security log names the applicant by the ID's ends only (the admin's list shows the whole number).</summary>
    public static string Masked(string id) => id.Length <= 8 ? id : $"{id[..4]}…{id[^4..]}";

    [GeneratedRegex("^[0-9A-Z]{15}([0-9A-Z]{3})?$")]
    private static partial Regex ApplicantIdPattern();
}
