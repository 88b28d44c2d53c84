using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.State;
using Workflows.Storage;

namespace Workflows.Server.Tests;

/// <summary>
/// 告知承诺 on the sample county's 教师资格认定 (无犯罪记录证明 by pledge): the 告知承诺书 issued at the
/// choice and the 撤销行政许可决定书 after a false pledge, read with pdftotext; the register and the
/// applicant's credit record follow the revocation, and the marked applicant is refused the next pledge.
/// </summary>
public sealed partial class NoticeDocumentTests
{
    private const string PledgeItem = "teacher-qualification";
    private const string PledgedProof = "no-criminal-record";

    [Fact]
    public async Task Pledge_TheNoticeListsTheProofTheCheckAndTheLiability_AndAFalsePledgeIssuesTheRevocation()
    {
        var (item, run) = await ReceiveAsync(PledgeItem, m => m.Id == PledgedProof ? MaterialStatus.Missing : MaterialStatus.Received);
        var state = await run(new ChoosePledge(Clerk(item), [PledgedProof]));
        var (year, seq) = Numbers(state.Number);
        var department = Department(item);
        var proof = item.Materials.Single(m => m.Id == PledgedProof);
        Assert.Equal("notices/pledge", state.Documents[^1].TemplateId);
        Read(state, PledgeItem, "pledge",
            ["证明事项告知承诺书", $"{department.DocumentCode}承〔{year}〕{seq}号", $"申请事项：{Guide(item).Name}", $"申请人：{Applicant(item)}",
             "国办发〔2020〕42号", $"1．{proof.Name}，应当符合：{proof.Standard}", "20个工作日内以网络核验方式对承诺内容进行核查",
             "《中华人民共和国行政许可法》第六十九条撤销", "记入申请人信用记录", "二、申请人承诺", "申请人（签字或盖章）", "承诺日期：2026年3月2日",
             department.Name, $"经办人：{ClerkName(Window(item))}"]);
        Assert.DoesNotContain(Set.Office!.Name, Flat(Pdf.Text(PdfOf(state))));

        state = await DecideAsync(item, state, run, "accept");
        state = await FinishTasksAsync(item, state, run, "grant");
        Assert.Equal(CaseStatus.Completed, state.Status);
        var check = Assert.Single(state.ActiveTasks);
        Assert.Equal("pledge-check", check.StepId);
        var register = (ICertificateRegister)_store;
        var caseId = Guid.Parse(state.Id);
        Assert.Equal("有效", Assert.Single(await register.CertificatesOfCaseAsync(caseId)).Status);

        state = await run(new CheckPledge(new Actor("education-reviewer", "education", "reviewer"), check.Id, Truthful: false, "七台河市公安局桃山分局回函：申请人有犯罪记录") { Approver = "刘志强" });
        Assert.Equal(CaseStatus.Revoked, state.Status);
        Assert.Equal("notices/revocation", state.Documents[^1].TemplateId);
        Read(state, PledgeItem, "revocation",
            ["撤销行政许可决定书", $"{department.DocumentCode}许撤〔2026〕", Applicant(item) + "：", Guide(item).Name, "选择告知承诺", "本机关于2026年3月2日作出准予行政许可的决定",
             $"1．经核查，申请人以告知承诺代替的{proof.Name}与承诺内容不符：七台河市公安局桃山分局回函：申请人有犯罪记录",
             "《中华人民共和国行政许可法》第六十九条第二款", "经本机关负责人刘志强批准", "决定撤销上述准予行政许可的决定", "虚假承诺情况已记入",
             "六十日内向七台河市桃山区人民政府申请行政复议", "六个月内依法向七台河市桃山区人民法院提起行政诉讼", department.Name, "经办人：赵婷"]);

        // The register follows the case, the credit record keeps the false pledge.
        Assert.Equal("已撤销", Assert.Single(await register.CertificatesOfCaseAsync(caseId)).Status);
        var mark = Assert.Single(await ((ICreditRecords)_store).FindCreditMarksAsync(state.Applicant.IdNumber));
        Assert.Equal(("false-pledge", caseId, state.Number), (mark.Kind, mark.CaseId, mark.CaseNumber));

        // The same applicant's next application: the pledge is refused with its code and nothing is stored.
        var (_, next) = await ReceiveAsync(PledgeItem, m => m.Id == PledgedProof ? MaterialStatus.Missing : MaterialStatus.Received);
        var received = await next(new IssueDocument(Clerk(item), "notices/material-receipt"));
        var nextId = Guid.Parse(received.Id);
        var before = (await _service.LoadAsync(nextId))!.Value.Stored.Version;
        var refused = Assert.IsType<Workflows.Server.Cases.CaseCommandResult.Rejected>(await _service.ExecuteAsync(nextId, new ChoosePledge(Clerk(item), [PledgedProof])));
        Assert.Equal("WF6082", refused.Code);
        Assert.Contains("虚假承诺", refused.Message);
        var after = (await _service.LoadAsync(nextId))!.Value;
        Assert.Equal(before, after.Stored.Version);
        Assert.Null(after.State.Pledge);
    }
}
