using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Definitions.Model;
using Workflows.Definitions.Validation;
using Workflows.Engine.Commands;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;
using Workflows.Storage.Sqlite;

namespace Workflows.Server.Tests;

/// <summary>
/// Every notice of DOMAIN.md §3 for real cases of every sample item: the cases run through the
/// <see cref="CaseService"/> on SQLite with the sample definitions, the notices are rendered by the
/// real document port, and pdftotext must show the case's own data in the order the notice gives it,
/// with no unresolved expression and no label left without its value.
/// </summary>
public sealed partial class NoticeDocumentTests : IAsyncLifetime
{
    private readonly Repo.SampleCounty _county = new();
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 35, 0, TimeSpan.FromHours(8)));
    private DefinitionCatalog _catalog = null!;
    private ICaseStore _store = null!;
    private CaseService _service = null!;
    private DefinitionSet Set => _catalog.Current!.Set;
    private string DataFolder => Path.Combine(_county.Root, "data");

    /// <summary>Where the rendered notices are copied for a look (pdftoppm): <c>$TMPDIR/wf-notices</c>.</summary>
    private static readonly string Kept = Path.Combine(Path.GetTempPath(), "wf-notices");

    public static TheoryData<string> Items => new(Directory.GetDirectories(Path.Combine(Repo.Definitions, "items")).Select(Path.GetFileName).Order()!);

    public async Task InitializeAsync()
    {
        _catalog = new DefinitionCatalog(_county.Definitions, Path.Combine(_county.Root, "templates"), NullLogger<DefinitionCatalog>.Instance);
        Assert.True(_catalog.Reload(), string.Join("\n", _catalog.LastDiagnostics));
        Directory.CreateDirectory(DataFolder);
        _store = await SqliteCaseStore.OpenInFolderAsync(DataFolder);
        var accounts = (IAccountStore)_store;
        foreach (var window in Set.Windows)
            await accounts.SaveAccountAsync(new StoredAccount("clerk-" + window.Id, "李明" + window.Id[^1..], "-", ["clerk"], Window: window.Id));
        foreach (var department in Set.Departments)
        {
            await accounts.SaveAccountAsync(new StoredAccount($"{department.Id}-reviewer", "赵婷", "-", ["reviewer"], department.Id));
            await accounts.SaveAccountAsync(new StoredAccount($"{department.Id}-head", "孙志刚", "-", ["head"], department.Id));
        }
        _service = new CaseService(_store, _catalog, DataFolder, _clock);
        Directory.CreateDirectory(Kept);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _county.Dispose();
    }

    [Theory]
    [MemberData(nameof(Items))]
    public async Task ReceiptAndAcceptance_ShowApplicantNumberMaterialsWindowAndClerk(string itemId)
    {
        var (item, run) = await ReceiveAsync(itemId, _ => MaterialStatus.Received);
        var state = await run(new IssueDocument(Clerk(item), "notices/material-receipt"));
        var (year, seq) = Numbers(state.Number);
        var window = Window(item);
        Read(state, itemId, "material-receipt",
            ["材料接收凭证", $"桃山政收〔{year}〕{seq}号", Applicant(item) + "：", Guide(item).Name, "2026年3月2日9时35分",
             .. item.Materials.Select(m => Cell(m.Name)), "2026年3月9日", "申请人（签字）", Set.Office!.Name, "2026年3月2日",
             $"收件人：{ClerkName(window)}", window.Name, "监督投诉电话：12345"], [$"联系电话：{window.Phone}"]);

        state = await DecideAsync(item, state, run, "accept");
        state = await run(new IssueDocument(Clerk(item), "notices/acceptance"));
        var guide = Guide(item);
        Read(state, itemId, "acceptance",
            ["受理通知书", $"{Department(item).DocumentCode}受〔{year}〕{seq}号", Applicant(item) + "：", You(item) + "于", guide.Name, $"办件编号：{state.Number}", $"申请人：{Applicant(item)}",
             $"申请事项：{guide.Name}", $"承办部门：{Department(item).Name}", "受理日期：2026年3月2日",
             guide.Limits.Promised.Value > 0
                ? $"承诺办结时限：{guide.Limits.Promised.Value}个工作日（法定时限{guide.Limits.Statutory.Value}个工作日），预计于{Chinese(state.Clocks.PromisedDue!.Value)}前办结"
                : "本事项为即办件，材料齐全、符合条件的当场办结", .. IssuedBy(item), $"受理人：{Decider(item)}", window.Name]);
        // In the department's name: the centre appears only in the delegation line.
        if (IssuedBy(item).Length == 1) Assert.DoesNotContain(Set.Office!.Name, Flat(Pdf.Text(PdfOf(state))));
    }

    [Theory]
    [MemberData(nameof(Items))]
    public async Task Supplement_ListsEveryMissingOrDefectiveMaterialWithReasonStandardAndDeadline(string itemId)
    {
        var item = Item(itemId);
        var wanting = item.Materials.Where(m => m.Necessity == Necessity.Required).Take(2).ToList();
        var (_, run) = await ReceiveAsync(itemId, m => wanting.Any(w => w.Id == m.Id) ? MaterialStatus.Missing : MaterialStatus.Received);
        var deficiencies = new List<MaterialDeficiency> { new(wanting[0].Id, DeficiencyKind.Missing, null) };
        if (wanting.Count > 1) deficiencies.Add(new(wanting[1].Id, DeficiencyKind.Defective, "复印件不清晰，无法辨认签发机关"));
        await DecideAsync(item, null, run, "supplement", deficiencies);
        var state = await run(new IssueDocument(Clerk(item), "notices/supplement"));
        var (year, seq) = Numbers(state.Number);
        // Ten working days after 2026-03-02 (office.yaml notices.supplement-limit).
        var deadline = "2026年3月16日";
        var expected = new List<string> { "补正材料通知书", "（一次性告知书）", $"{Department(item).DocumentCode}补〔{year}〕{seq}号", Applicant(item) + "：", Guide(item).Name };
        foreach (var (material, i) in wanting.Select((m, i) => (m, i)))
        {
            expected.Add($"{i + 1}．{material.Name}（{Label(material.Kind)}，{material.Copies ?? 1}份，{Label(material.Form)}）");
            expected.Add("补正原因：" + (i == 0 ? "未提交该材料" : "复印件不清晰，无法辨认签发机关"));
            if (material.Standard is { } standard) expected.Add("标准要求：" + standard);
            expected.Add($"补正期限：{deadline}前");
        }
        expected.AddRange([Window(item).Name, Set.Office!.Notices!.SupplementConsequence!, .. IssuedBy(item), $"经办人：{Decider(item)}"]);
        Read(state, itemId, "supplement", [.. expected]);
    }

    [Theory]
    [MemberData(nameof(Items))]
    public async Task Refusal_GivesTheReasonsTheCompetentBodyAndTheAppealRights(string itemId)
    {
        var (item, run) = await ReceiveAsync(itemId, _ => MaterialStatus.Received);
        string[] reasons = ["申请人住所不在桃山区，不属于本机关受理范围。", "申请事项依法应向住所地的县级主管部门提出。"];
        if (IsBackOffice(item)) await DecideAsync(item, null, run, "refuse", reasons: reasons);
        else await run(new Refuse(Clerk(item), reasons, "七台河市新兴区政务服务中心"));
        var state = await run(new IssueDocument(Clerk(item), "notices/refusal"));
        var (year, seq) = Numbers(state.Number);
        Read(state, itemId, "refusal",
            ["不予受理通知书", $"{Department(item).DocumentCode}不受〔{year}〕{seq}号", Applicant(item) + "：", Guide(item).Name,
             "1．申请人住所不在桃山区，不属于本机关受理范围。", "2．申请事项依法应向住所地的县级主管部门提出。", .. IsBackOffice(item) ? Array.Empty<string>() : ["七台河市新兴区政务服务中心"],
             "六十日内向七台河市桃山区人民政府申请行政复议", "六个月内依法向七台河市桃山区人民法院提起行政诉讼", .. IssuedBy(item),
             $"经办人：{Decider(item)}"]);
    }

    [Theory]
    [MemberData(nameof(Items))]
    public async Task DeferralAcceptance_ListsTheDeferredMaterialsWithTheirCatchUpDeadline(string itemId)
    {
        var item = Item(itemId);
        var deferrable = item.Materials.Where(m => m.Necessity == Necessity.Deferrable).ToList();
        if (deferrable.Count == 0) return; // the item has no 容缺 material: it cannot produce this notice
        var (_, run) = await ReceiveAsync(itemId, m => deferrable.Contains(m) ? MaterialStatus.Missing : MaterialStatus.Received);
        var state = await run(new AcceptWithDeferral(Clerk(item), [.. deferrable.Select(m => m.Id)], null, PledgeSigned: true));
        state = await run(new IssueDocument(Clerk(item), "notices/deferral-acceptance"));
        var (year, seq) = Numbers(state.Number);
        var expected = new List<string> { "容缺受理通知书", $"{Department(item).DocumentCode}容受〔{year}〕{seq}号", Applicant(item) + "：", Guide(item).Name,
            "已于2026年3月2日签署容缺受理承诺书", Set.Office!.Notices!.DeferralBasis!, "受理日期：2026年3月2日" };
        foreach (var (material, i) in deferrable.Select((m, i) => (m, i)))
        {
            expected.Add($"{i + 1}．{material.Name}");
            if (material.Standard is { } standard) expected.Add("标准要求：" + standard);
            expected.Add($"补交期限：{Chinese(state.Materials[material.Id].CatchUpDue!.Value)}前");
        }
        expected.AddRange([Window(item).Name, Set.Office.Notices.DeferralConsequence!, .. IssuedBy(item), $"受理人：{ClerkName(Window(item))}"]);
        Read(state, itemId, "deferral-acceptance", [.. expected]);
    }

    [Fact]
    public async Task Termination_WhenTheDeferredMaterialNeverCame_IsTheDepartmentsNoticeWithReasonsBasisAndRemedies()
    {
        // 容缺受理 on Mon 3/2; the scheduler's daily Tick reminds the day after the catch-up date and
        // terminates after the office's grace period: the engine issues the notice, rendered by the real port.
        var item = Item("private-kindergarten");
        var deferrable = item.Materials.Where(m => m.Necessity == Necessity.Deferrable).ToList();
        var (_, run) = await ReceiveAsync(item.Id, m => deferrable.Contains(m) ? MaterialStatus.Missing : MaterialStatus.Received);
        var state = await run(new AcceptWithDeferral(Clerk(item), [.. deferrable.Select(m => m.Id)], null, PledgeSigned: true));
        for (var day = new DateOnly(2026, 3, 3); !state.IsClosed && day < new DateOnly(2026, 6, 1); day = day.AddDays(1))
        {
            var result = await _service.ExecuteAsync(Guid.Parse(state.Id), new Tick(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8))));
            state = ((CaseCommandResult.Ok)result).State;
        }
        Assert.Equal(CaseStatus.Terminated, state.Status);
        Assert.Equal("notices/termination", state.Documents[^1].TemplateId);
        var first = deferrable.OrderBy(m => state.Materials[m.Id].CatchUpDue).First();
        var department = Department(item);
        var expected = new List<string> { "终止办理告知书", $"{department.DocumentCode}终告〔2026〕", Applicant(item) + "：", Guide(item).Name, "已于2026年3月2日予以容缺受理" };
        foreach (var (material, i) in deferrable.Select((m, i) => (m, i)))
            expected.AddRange([$"{i + 1}．{material.Name}", $"补交期限：{Chinese(state.Materials[material.Id].CatchUpDue!.Value)}"]);
        expected.AddRange([
            $"本机关已于{Chinese(state.Materials[first.Id].RemindedOn!.Value)}催告", $"决定自{Chinese(state.Termination!.On)}起终止办理",
            $"未在补交期限（{Chinese(state.Materials[first.Id].CatchUpDue!.Value)}）内补交", "经催补仍未补交",
            "依据：" + Set.Office!.Notices!.DeferralBasis!, Window(item).Name, Set.Office.Appeal!.ReviewBody, Set.Office.Appeal.Court,
            department.Name, $"联系电话：{department.Phone}"]);
        Read(state, item.Id, "termination", [.. expected]);
        Assert.DoesNotContain("经办人", Flat(Pdf.Text(PdfOf(state))));
    }

    [Fact]
    public async Task DeferralByLapse_SaysNoPledgeWasSigned()
    {
        // Nobody decided within the acceptance limit: the case counts as accepted on the receipt day
        // (art. 32) and the missing 容缺 material is deferred, but no pledge was signed and the notice says so.
        var item = Item("private-kindergarten");
        var (_, run) = await ReceiveAsync(item.Id, m => m.Necessity == Necessity.Deferrable ? MaterialStatus.Missing : MaterialStatus.Received);
        var state = await run(new Tick(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8))));
        Assert.Null(state.AcceptedBy);
        Assert.False(state.DeferralPledgeSigned);
        state = await run(new IssueDocument(Clerk(item), "notices/deferral-acceptance"));
        Read(state, item.Id, "deferral-acceptance-lapse", ["容缺受理通知书", "依法自收到申请材料之日起视为受理", "未签署容缺受理承诺书", Department(item).Name]);
        Assert.DoesNotContain("签署容缺受理承诺书，承诺", Flat(Pdf.Text(PdfOf(state))));
    }

    [Theory]
    [MemberData(nameof(Items))]
    public async Task DepartmentDocuments_AreNumberedWithTheDepartmentsCodeAndSealed(string itemId)
    {
        var (item, run) = await ReceiveAsync(itemId, _ => MaterialStatus.Received);
        var guide = Guide(item);
        var department = Department(item);
        var head = new Actor($"{department.Id}-head", department.Id, "head");
        var state = await DecideAsync(item, null, run, "accept");
        var acceptedOn = "2026年3月2日";

        if (guide.ExcludedProcedures.FirstOrDefault() is { } procedure)
        {
            _clock.Now = _clock.Now.AddDays(1);
            await run(new Suspend(head, "申请材料中的技术内容需要评审，评审意见作为决定的依据", procedure.Kind, "孙志刚",
                $"《{guide.Basis[0].Title.Trim('《', '》')}》{guide.Basis[0].Article}"));
            state = await run(new IssueDocument(head, "notices/special-procedure"));
            Read(state, itemId, "special-procedure",
                ["特别程序告知书", $"{department.DocumentCode}特告〔2026〕", Applicant(item) + "：", guide.Name, $"已于{acceptedOn}依法受理",
                 $"《{guide.Basis[0].Title.Trim('《', '》')}》{guide.Basis[0].Article}", $"1．{procedure.Name}：申请材料中的技术内容需要评审",
                 $"不超过{procedure.Max!.Value.Value}个工作日", "本申请已用1个工作日", department.Name, "经办人：孙志刚"], [$"联系电话：{department.Phone}"]);
            Assert.Equal($"seals/{department.Id}.png", department.Seal);
            state = await run(new Resume(head));
        }

        if (guide.Limits.Promised.Value > 0)
        {
            var dueBefore = state.Clocks.PromisedDue!.Value;
            state = await run(new Extend(head, 5, "孙志刚", "需征求相邻区水务部门的书面意见\n申请量较大，需逐项核对"));
            state = await run(new IssueDocument(head, "notices/extension"));
            Read(state, itemId, "extension",
                ["延期告知书", $"{department.DocumentCode}延告〔2026〕", Applicant(item) + "：", guide.Name, $"不能在{Chinese(dueBefore)}前作出决定",
                 "1．需征求相邻区水务部门的书面意见", "2．申请量较大，需逐项核对", "延长5个工作日", $"于{Chinese(state.Clocks.PromisedDue!.Value)}前作出决定",
                 department.Name]);
        }

        // The decision: granted here, denied in a second case of the same item.
        state = await FinishTasksAsync(item, state, run, "grant");
        if (!state.Documents.Any(d => d.TemplateId == "notices/approval-decision"))
            state = await run(new IssueDocument(head, "notices/approval-decision"));
        if (guide.Type == ItemType.Licensing)
            Read(state, itemId, "approval-decision",
                ["准予行政许可决定书", $"{department.DocumentCode}许准〔2026〕", Applicant(item) + "：", guide.Name, $"本机关于{acceptedOn}依法受理",
                 "《中华人民共和国行政许可法》第三十八条第一款", "经审查，符合法定条件，准予许可", guide.Result.Name, "领取方式：", department.Name, "经办人：孙志刚"]);

        if (!state.IsClosed) state = await FinishTasksAsync(item, state, run, "grant");
        state = await run(new IssueDocument(Clerk(item), "notices/completion"));
        Read(state, itemId, "completion",
            ["办结通知书", $"桃山政结〔{Numbers(state.Number).Year}〕{Numbers(state.Number).Seq}号", Applicant(item) + "：", guide.Name, "已于2026年3月",
             $"承办部门：{department.Name}", guide.Type == ItemType.Licensing ? "办理结果：准予行政许可" : "办理结果：准予办理", $"结果文书：{guide.Result.Name}",
             "办理用时：", "领取方式：", Set.Office!.Name]);

        var (_, deny) = await ReceiveAsync(itemId, _ => MaterialStatus.Received);
        var denied = await DecideAsync(item, null, deny, "accept");
        denied = await FinishTasksAsync(item, denied, deny, "deny");
        denied = await deny(new IssueDocument(head, "notices/denial-decision"));
        if (denied.Decision == CaseDecision.Denied)
            Read(denied, itemId, "denial-decision",
                ["不予行政许可决定书", $"{department.DocumentCode}许不〔2026〕", Applicant(item) + "：", guide.Name, "1．经审查，申请人不符合法定条件",
                 "2．现场核查发现场所与申报不一致", "第三十八条第二款", "七台河市桃山区人民政府申请行政复议", "七台河市桃山区人民法院提起行政诉讼",
                 department.Name, "经办人：孙志刚"]);
    }

    [Fact]
    public async Task ExcludedProcedureStep_IssuesTheNoticeWithItsOwnBasisDurationAndEnd()
    {
        var (item, run) = await ReceiveAsync("water-permit", _ => MaterialStatus.Received);
        var department = Department(item);
        var state = await run(new Accept(Clerk(item)));
        _clock.Now = _clock.Now.AddDays(1); // Tuesday 2026-03-03
        var review = state.ActiveTasks.Single();
        state = await run(new CompleteTask(new Actor("water-reviewer", "water", "reviewer"), review.Id, "pass", "材料齐全，报告书须经专家评审"));

        Assert.NotNull(state.ActiveProcedure);
        Assert.NotNull(state.Clocks.OpenPause);
        Assert.Equal("notices/special-procedure", state.Documents[^1].TemplateId);
        Read(state, "water-permit", "special-procedure-step",
            ["特别程序告知书", $"{department.DocumentCode}特告〔2026〕", Applicant(item) + "：", Guide(item).Name, "已于2026年3月2日依法受理",
             "根据《取水许可和水资源费征收管理条例》第十二条的规定", "第四十五条", "1．水资源论证报告书专家评审", "不超过20个工作日",
             "自2026年3月3日起，预计于2026年3月31日前结束", "本申请已用1个工作日", "上述程序结束后，办理时限继续计算", department.Name]);
    }

    [Fact]
    public async Task DepartmentNumbers_CountPerDepartmentAndYear_WithoutGaps()
    {
        var numbers = new List<string>();
        foreach (var itemId in new[] { "water-permit", "teacher-qualification", "water-permit" })
        {
            var (item, run) = await ReceiveAsync(itemId, _ => MaterialStatus.Received);
            await run(new Accept(Clerk(item)));
            var head = new Actor($"{Department(item).Id}-head", Department(item).Id, "head");
            await run(new Extend(head, 3, "孙志刚", "需征求意见"));
            var state = await run(new IssueDocument(head, "notices/extension"));
            state = await run(new IssueDocument(head, "notices/extension"));
            var text = Pdf.Text(PdfOf(state));
            numbers.Add(Regex.Match(Flat(text), @"桃\w+延告〔2026〕\d+号").Value);
        }
        // Each case issued the notice twice: the second is a document of its own with the next number.
        Assert.Equal(["桃水延告〔2026〕2号", "桃教延告〔2026〕2号", "桃水延告〔2026〕4号"], numbers);
    }

    // ---- driving cases ----

    private async Task<(ItemDefinition Item, Func<CaseCommand, Task<CaseState>> Run)> ReceiveAsync(string itemId, Func<Material, MaterialStatus> status)
    {
        var item = Item(itemId);
        var id = Guid.NewGuid();
        var materials = item.Materials.Select(m => new MaterialRecord(m.Id, status(m))).ToList();
        var applicant = CaseApi.Applicant(item);
        var type = applicant["type"]!.GetValue<string>() == "person" ? ApplicantType.Person : ApplicantType.Organization;
        async Task<CaseState> Run(CaseCommand command)
        {
            var result = await _service.ExecuteAsync(id, command, itemId: itemId);
            Assert.True(result is CaseCommandResult.Ok, $"{itemId} {command.GetType().Name}: {result}");
            return ((CaseCommandResult.Ok)result).State;
        }
        await Run(new ReceiveMaterials("", "", new Applicant(type, applicant["name"]!.GetValue<string>(), applicant["idNumber"]!.GetValue<string>(), "13800000000"),
            CaseApi.FormFor(item), materials, Clerk(item)));
        return (item, Run);
    }

    /// <summary>Completes the case's tasks in order: pass at each review, <paramref name="decision"/> at the decision, delivery at the window.</summary>
    private static async Task<CaseState> FinishTasksAsync(ItemDefinition item, CaseState state, Func<CaseCommand, Task<CaseState>> run, string decision)
    {
        // The 告知承诺 check is no workflow step: it is left for its own command.
        for (var i = 0; i < 20 && !state.IsClosed && state.ActiveTasks.FirstOrDefault(t => t.StepId != "pledge-check") is { } task; i++)
        {
            var step = item.Workflow!.Steps.First(s => s.Id == task.StepId);
            var outcome = step.Outcomes.Count == 0 ? null : step.Outcomes.ContainsKey(decision) ? decision : step.Outcomes.ContainsKey("pass") ? "pass" : step.Outcomes.Keys.First();
            if (outcome == "deny" && decision != "deny") outcome = step.Outcomes.Keys.First();
            var assignee = task.Signers[0].Assignee;
            var actor = assignee.Window is { } w ? new Actor("clerk-" + w, Window: w, Role: "clerk")
                : new Actor($"{assignee.Department}-{assignee.Role ?? "reviewer"}", assignee.Department, assignee.Role ?? "reviewer");
            var opinion = outcome switch
            {
                "grant" => "经审查，符合法定条件，准予许可",
                "deny" => "经审查，申请人不符合法定条件\n现场核查发现场所与申报不一致",
                _ => "材料齐全，符合要求，同意",
            };
            state = await run(new CompleteTask(actor, task.Id, outcome, opinion)
            {
                Delivery = assignee.Window is not null ? new ResultDelivery(Delivery.Window, Recipient: state.Applicant.Name) : null,
            });
            if (outcome == "deny") break;
        }
        return state;
    }

    /// <summary>
    /// The acceptance decision as the item's set-up has it (DOMAIN §3): the window (委托受理) or the
    /// department's acceptance step (前台收件、后台受理), whose reasons are the opinion's lines.
    /// </summary>
    private async Task<CaseState> DecideAsync(ItemDefinition item, CaseState? state, Func<CaseCommand, Task<CaseState>> run, string decision,
        IReadOnlyList<MaterialDeficiency>? deficiencies = null, IReadOnlyList<string>? reasons = null)
    {
        if (!IsBackOffice(item))
            return await run(decision switch
            {
                "accept" => new Accept(Clerk(item)),
                "supplement" => new RequestSupplement(Clerk(item), deficiencies!),
                _ => new Refuse(Clerk(item), reasons!),
            });
        var step = AcceptanceSetUpRules.BackOfficeStep(item.Workflow!)!;
        // 前台收件: the window hands over the 材料接收凭证; the decision is the department's.
        state ??= await run(new IssueDocument(Clerk(item), "notices/material-receipt"));
        var task = state.ActiveTasks.Single(t => t.StepId == step.Id);
        var reviewer = new Actor($"{step.By!.Department}-reviewer", step.By.Department, "reviewer");
        var opinion = decision == "refuse" ? string.Join("\n", reasons!) : "材料齐全、符合法定形式";
        return await run(new CompleteTask(reviewer, task.Id, decision, opinion, deficiencies));
    }

    private static bool IsBackOffice(ItemDefinition item) => AcceptanceSetUpRules.BackOfficeStep(item.Workflow!) is not null;

    /// <summary>Who signs an acceptance-stage notice: the department (name and seal), with the delegation line when a delegated window accepted for it.</summary>
    private string[] IssuedBy(ItemDefinition item) =>
        !IsBackOffice(item) && Window(item).Mode == WindowMode.Delegated
            ? [$"（{Set.Office!.Name}受{Department(item).Name}委托出具本通知书）", Department(item).Name]
            : [Department(item).Name];

    /// <summary>The staff member who decided acceptance: the window's clerk, or the department's reviewer (赵婷).</summary>
    private string Decider(ItemDefinition item) => IsBackOffice(item) ? "赵婷" : ClerkName(Window(item));

    // ---- reading the notices ----

    /// <summary>pdftotext of the case's last document: every expected text in this order, nothing unresolved, no label left empty.</summary>
    /// <param name="anywhere">Texts pdftotext may put out of reading order (the two halves of a line split by an ideographic space).</param>
    private void Read(CaseState state, string itemId, string notice, string[] inOrder, string[]? anywhere = null)
    {
        var pdf = PdfOf(state);
        File.Copy(pdf, Path.Combine(Kept, $"{itemId}-{notice}.pdf"), overwrite: true);
        // The running header and footer are left out, so a paragraph across a page break reads as one.
        var pages = Pdf.Text(pdf).Split('\f').Select(page =>
        {
            var lines = page.Split('\n').Where(l => l.Trim().Length > 0).ToList();
            if (lines.Count > 0 && lines[0].StartsWith("办件编号：" + state.Number, StringComparison.Ordinal)) lines.RemoveAt(0);
            if (lines.Count > 0 && Regex.IsMatch(lines[^1], @"^第 \d+ 页 共 \d+ 页$")) lines.RemoveAt(lines.Count - 1);
            return string.Join("\n", lines);
        });
        var text = Flat(string.Join("", pages));
        foreach (var expected in anywhere ?? [])
            Assert.True(text.Contains(Flat(expected), StringComparison.Ordinal), $"{itemId} {notice}: '{expected}' not found in:\n{text}");
        var at = 0;
        foreach (var expected in inOrder)
        {
            var found = text.IndexOf(Flat(expected), at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{itemId} {notice}: '{expected}' not found after position {at} in:\n{text}");
            at = found + Flat(expected).Length;
        }
        Assert.DoesNotContain("{{", text);
        Assert.DoesNotContain("null", text);
        foreach (var empty in new[] { "：）", "：，", "：。", "（）", "〔〕", "〕号", "于前", "年月日", "，）" })
            Assert.False(text.Contains(empty, StringComparison.Ordinal), $"{itemId} {notice}: empty value '{empty}' in:\n{text}");
        foreach (Match label in Regex.Matches(text, "(受理人|收件人|经办人|联系电话|申请事项|承办部门|受理日期|标准要求|补正原因|补正期限|补交期限|领取方式|办理结果|办理用时)："))
        {
            var next = label.Index + label.Length;
            Assert.True(next < text.Length && !"（）：，。、；".Contains(text[next]), $"{itemId} {notice}: '{label.Value}' has no value in:\n{text}");
        }
    }

    /// <summary>The last document of the case, from the store, as a file for pdftotext.</summary>
    private string PdfOf(CaseState state)
    {
        var id = state.Documents[^1].DocumentId;
        var pdf = _service.Documents.FindAsync(id, CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"document {id} is not in the store");
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(DataFolder, "pdf")).FullName, id + ".pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>What pdftotext gives of a material's name in the table: its cell's first line (the names wrap at 9 characters).</summary>
    private static string Cell(string name) => name.Length <= 8 ? name : name[..8];

    private static string Flat(string text) => Regex.Replace(text, @"[\s\f]+", "");

    private ItemDefinition Item(string id) => Set.Items.Single(i => i.Id == id);

    private static Guide Guide(ItemDefinition item) => item.Guide!;

    private Department Department(ItemDefinition item) => Set.Departments.Single(d => d.Id == item.Guide!.Department);

    private Window Window(ItemDefinition item)
    {
        var id = item.Workflow!.Steps.First(s => s.Kind == StepKind.Intake).By!.Window;
        return Set.Windows.Single(w => w.Id == id);
    }

    private Actor Clerk(ItemDefinition item)
    {
        var window = Window(item).Id;
        return new Actor("clerk-" + window, Window: window, Role: "clerk");
    }

    private static string ClerkName(Window window) => "李明" + window.Id[^1..];

    private static string Applicant(ItemDefinition item) => CaseApi.Applicant(item)["name"]!.GetValue<string>();

    /// <summary>How the notice addresses the item's sample applicant: 你 for a person, 你单位 for an organisation.</summary>
    private static string You(ItemDefinition item) => CaseApi.Applicant(item)["type"]!.GetValue<string>() == "person" ? "你" : "你单位";

    private static (int Year, int Seq) Numbers(string caseNumber)
    {
        var parts = caseNumber.Split('-');
        return (int.Parse(parts[^2]), int.Parse(parts[^1]));
    }

    private static string Chinese(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    private static string Label(Enum value) => Workflows.Server.Documents.CaseDocumentData.LabelOf(value);

    private sealed class MovableClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset Now { get; set; } = now;
    }
}
