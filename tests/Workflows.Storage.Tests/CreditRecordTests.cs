namespace Workflows.Storage.Tests;

/// <summary>信用记录 (ICreditRecords): a false pledge is written with the change that revoked the decision, once.</summary>
public abstract partial class CaseStoreComplianceTests
{
    private ICreditRecords Credit => Assert.IsAssignableFrom<ICreditRecords>(Store);

    private static StoredCreditMark FalsePledge(Guid caseId, DateOnly on) =>
        new($"false-pledge:{caseId:D}", "230903199001010019", "false-pledge", "承诺无犯罪记录与事实不符", on, caseId, "桃山-2026-000001");

    [Fact]
    public async Task Append_WithACreditMark_RecordsItForTheApplicant_AndAConflictRecordsNothing()
    {
        var created = await CreateAsync(Cases.New());
        var mark = FalsePledge(created.CaseId, new DateOnly(2026, 3, 2));

        await Store.AppendAsync(created.CaseId, 1, Cases.Change(eventTypes: "decision-revoked") with { CreditMarks = [mark with { Reason = "lost" }] });
        Assert.Empty(await Credit.FindCreditMarksAsync(mark.ApplicantId));
        await Store.AppendAsync(created.CaseId, 2, Cases.Change(eventTypes: "decision-revoked") with { CreditMarks = [mark] });

        Assert.Equal([mark], await Credit.FindCreditMarksAsync(mark.ApplicantId));
        Assert.Empty(await Credit.FindCreditMarksAsync("230903199001010027"));
    }

    [Fact]
    public async Task AddCreditMark_KeepsOneMarkPerId_NewestFirst()
    {
        var created = await CreateAsync(Cases.New());
        var pledge = FalsePledge(created.CaseId, new DateOnly(2026, 3, 2));
        var dishonest = new StoredCreditMark("dishonest:list-1", pledge.ApplicantId, "dishonest", "失信被执行人", new DateOnly(2026, 5, 6));

        Assert.True(await Credit.AddCreditMarkAsync(pledge));
        Assert.False(await Credit.AddCreditMarkAsync(pledge with { Reason = "again" }));
        Assert.True(await Credit.AddCreditMarkAsync(dishonest));

        Assert.Equal([dishonest, pledge], await Credit.FindCreditMarksAsync(pledge.ApplicantId));
    }
}
