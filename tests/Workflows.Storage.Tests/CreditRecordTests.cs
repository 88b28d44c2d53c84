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

/// <summary>失信 marks an office manages: listed a page at a time, lifted (信用修复) without losing the row; only an active mark refuses.</summary>
public abstract partial class CaseStoreComplianceTests
{
    private static StoredCreditMark Dishonest(string id, DateOnly on, string applicant = "230903199001010019") =>
        new StoredCreditMark(id, applicant, "dishonest", "失信被执行人", on)
        {
            ApplicantName = "张三", Basis = "法院失信被执行人名单 (2026)黑09执123号", AddedBy = "admin",
        };

    [Fact]
    public async Task FindActiveCreditMark_SkipsLiftedAndExpiredMarks_AndLiftKeepsTheRow()
    {
        var older = Dishonest("dishonest:a", new DateOnly(2026, 1, 5));
        var expiring = Dishonest("dishonest:b", new DateOnly(2026, 2, 1)) with { ValidUntil = new DateOnly(2026, 6, 30) };
        var newest = Dishonest("dishonest:c", new DateOnly(2026, 3, 1));
        foreach (var mark in new[] { older, expiring, newest }) Assert.True(await Credit.AddCreditMarkAsync(mark));

        Assert.Equal(newest, await Credit.FindActiveCreditMarkAsync(older.ApplicantId, new DateOnly(2026, 6, 30)));
        Assert.Equal(CreditMarkLift.Lifted, await Credit.LiftCreditMarkAsync(newest.Id, new DateOnly(2026, 4, 1), "admin", "已履行判决义务"));
        Assert.Equal(CreditMarkLift.AlreadyLifted, await Credit.LiftCreditMarkAsync(newest.Id, new DateOnly(2026, 4, 2), "admin", "again"));
        Assert.Equal(CreditMarkLift.NotFound, await Credit.LiftCreditMarkAsync("dishonest:none", new DateOnly(2026, 4, 2), "admin", "x"));

        // The expiring mark refuses through its last day, then the older one is the active mark.
        Assert.Equal(expiring, await Credit.FindActiveCreditMarkAsync(older.ApplicantId, new DateOnly(2026, 6, 30)));
        Assert.Equal(older, await Credit.FindActiveCreditMarkAsync(older.ApplicantId, new DateOnly(2026, 7, 1)));
        Assert.Equal(CreditMarkLift.Lifted, await Credit.LiftCreditMarkAsync(older.Id, new DateOnly(2026, 7, 1), "admin", "信用修复"));
        Assert.Null(await Credit.FindActiveCreditMarkAsync(older.ApplicantId, new DateOnly(2026, 7, 1)));

        var lifted = (await Credit.FindCreditMarksAsync(older.ApplicantId)).Single(m => m.Id == newest.Id);
        Assert.Equal(newest with { LiftedOn = new DateOnly(2026, 4, 1), LiftedBy = "admin", LiftReason = "已履行判决义务" }, lifted);
        Assert.Equal(lifted, await Credit.FindCreditMarkAsync(newest.Id));
        Assert.Null(await Credit.FindCreditMarkAsync("dishonest:none"));
    }

    [Fact]
    public async Task ListCreditMarks_PagesNewestFirst_ByApplicantOrAll()
    {
        for (var day = 1; day <= 5; day++) await Credit.AddCreditMarkAsync(Dishonest($"dishonest:{day}", new DateOnly(2026, 3, day)));
        await Credit.AddCreditMarkAsync(Dishonest("dishonest:other", new DateOnly(2026, 3, 9), "91230900MA1234567X"));

        var all = await Credit.ListCreditMarksAsync(new CreditMarkQuery(Take: 4));
        Assert.Equal(6, all.Total);
        Assert.Equal(["dishonest:other", "dishonest:5", "dishonest:4", "dishonest:3"], all.Marks.Select(m => m.Id));
        var second = await Credit.ListCreditMarksAsync(new CreditMarkQuery("230903199001010019", Skip: 4, Take: 4));
        Assert.Equal(5, second.Total);
        Assert.Equal(["dishonest:1"], second.Marks.Select(m => m.Id));
    }
}
