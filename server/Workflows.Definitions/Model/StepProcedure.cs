using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

/// <summary>
/// 特别程序 (行政许可法 art. 45) carried by the step that does the work (现场核查, 专家评审, 听证...):
/// entering the step tells the applicant in writing what the procedure is, on what legal basis and
/// how long it is announced to take; the statutory clock stops while the step runs and restarts
/// when it is done. The announced duration is also the step's own deadline, so an overrun shows.
/// </summary>
[Label("特别程序")]
public sealed class StepProcedure
{
    /// <summary>The notice issued on entry unless the step names another.</summary>
    public const string DefaultTemplate = "notices/special-procedure";

    [Required, Label("种类")] public ProcedureKind Kind { get; set; }
    [Label("名称")] public string? Name { get; set; }
    [Label("法律依据", "规定此程序的法律、法规及条款")] public string? Basis { get; set; }
    [Label("告知时长", "告知申请人的所需时间，如 10wd")] public Duration? Duration { get; set; }
    [Ref(RefKind.Template), Label("告知书模板")] public string? Template { get; set; }

    public string TemplateOrDefault => Template ?? DefaultTemplate;
}
