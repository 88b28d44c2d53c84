using Workflows.Definitions.Model;
using static Workflows.Engine.Tests.Support.Steps;

namespace Workflows.Engine.Tests.Support;

/// <summary>Item definitions built in code, shaped like the sample county's items.</summary>
internal static class Items
{
    public static readonly Assignee Reviewer = Role("education", "reviewer");
    public static readonly Assignee Head = Role("education", "head");
    public static readonly Assignee Issuance = Window("issuance");

    /// <summary>
    /// 教师资格认定-like: intake → review (10wd) → decide (5wd) → certificate → delivery,
    /// statutory 20wd, promised 10wd.
    /// </summary>
    public static ItemDefinition Licensing(params Step[] extraSteps) => Item(
        [
            Intake("review"),
            Task("review", Reviewer, limitDays: 10, outcomes: [("pass", "decide"), ("supplement", "intake"), ("refuse", "notify-refusal")]),
            Task("decide", Head, limitDays: 5, outcomes: [("grant", "issue"), ("deny", "notify-denial")]),
            Document("issue", "certificates/teacher-qualification", "deliver"),
            Task("deliver", Issuance, next: Workflow.End),
            Notify("notify-refusal", "notices/refusal", Workflow.End),
            Notify("notify-denial", "notices/denial-decision", Workflow.End),
            .. extraSteps,
        ]);

    /// <summary>An item with the standard guide and checklist and the given workflow.</summary>
    public static ItemDefinition Item(IEnumerable<Step> steps, int statutoryDays = 20, int promisedDays = 10) => new()
    {
        Id = "teacher-qualification",
        Guide = new Guide
        {
            Name = "教师资格认定",
            Type = ItemType.Licensing,
            Limits = new Limits { Statutory = Duration.WorkingDays(statutoryDays), Promised = Duration.WorkingDays(promisedDays) },
            ExcludedProcedures =
            [
                new ExcludedProcedure { Kind = ProcedureKind.ExpertReview, Name = "专家评审", Counted = false },
                new ExcludedProcedure { Kind = ProcedureKind.Hearing, Name = "听证", Counted = true },
            ],
        },
        Materials =
        [
            Material("id-card", "居民身份证", Necessity.Required),
            Material("application", "教师资格认定申请表", Necessity.Required),
            Material("health", "体检合格证明", Necessity.Deferrable, deferralLimit: 5),
            Material("photo", "近期免冠照片", Necessity.Optional),
            Material("business-license", "营业执照", Necessity.Required, when: "applicant.type == 'organization'"),
        ],
        Workflow = new Workflow { Steps = [.. steps] },
    };

    public static readonly string[] RequiredForPerson = ["id-card", "application"];

    private static Material Material(string id, string name, Necessity necessity, int? deferralLimit = null, string? when = null) => new()
    {
        Id = id,
        Name = name,
        Kind = MaterialKind.Original,
        Form = MaterialForm.Paper,
        Necessity = necessity,
        DeferralLimit = deferralLimit is { } days ? Duration.WorkingDays(days) : null,
        Source = MaterialSource.Applicant,
        When = when,
    };
}
