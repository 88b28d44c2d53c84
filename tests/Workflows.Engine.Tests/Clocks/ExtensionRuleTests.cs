using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Clocks;

/// <summary>行政许可法 art. 42: once, before the deadline, capped, with the head's approval. Each forbidden path has its code and stores nothing.</summary>
public sealed class ExtensionRuleTests
{
    // Accepted Mon 2026-03-02: statutory 20 working days → Mon 2026-03-30.
    private static CaseHarness Accepted(ItemDefinition? item = null) =>
        new CaseHarness(item ?? Items.Licensing(), today: "2026-03-02").Receive().Accept();

    private static ItemDefinition WithGuide(Action<Guide> change)
    {
        var item = Items.Licensing();
        change(item.Guide!);
        return item;
    }

    [Fact]
    public void Extend_RecordsTheApprovingHead_AndMovesBothDueDates()
    {
        var harness = Accepted();

        harness.Run(new Extend(Actors.Head, 10, "局长 陈某", "需现场核查"));

        var extended = Assert.IsType<CaseExtended>(harness.Log[^1]);
        Assert.Equal("局长 陈某", extended.Approver);
        Assert.Equal("局长 陈某", Assert.Single(harness.State.Clocks.Extensions).Approver);
        Assert.Equal(Date("2026-04-14"), harness.State.Clocks.StatutoryDue); // 3/30 + 10, 清明 4/4–6 skipped
    }

    [Fact]
    public void Extend_ASecondTime_IsRefusedWithItsCode()
    {
        var harness = Accepted();
        harness.Run(new Extend(Actors.Head, 3, "局长", "需征求意见"));

        Assert.Equal(ErrorCodes.ExtensionAlreadyGranted, harness.Reject(new Extend(Actors.Head, 3, "局长", "仍需征求意见")).Code);
    }

    [Fact]
    public void Extend_OnTheStatutoryDueDate_IsAllowed_TheDayAfterItIsNot()
    {
        var onTheDay = Accepted();
        onTheDay.On("2026-03-30");
        onTheDay.Run(new Extend(Actors.Head, 5, "局长", "情况复杂"));

        var late = Accepted();
        late.On("2026-03-31");
        Assert.Equal(ErrorCodes.ExtensionTooLate, late.Reject(new Extend(Actors.Head, 5, "局长", "情况复杂")).Code);
    }

    [Fact]
    public void Extend_BeyondTenWorkingDays_IsRefused()
    {
        var error = Accepted().Reject(new Extend(Actors.Head, 11, "局长", "情况复杂"));

        Assert.Equal(ErrorCodes.ExtensionOverCap, error.Code);
        Assert.Contains("第四十二条第一款", error.Message);
    }

    [Fact]
    public void Extend_JointHandling_AllowsFifteen_NotSixteen()
    {
        var joint = WithGuide(g => g.HandlingType = HandlingType.Joint);
        Accepted(joint).Run(new Extend(Actors.Head, 15, "局长", "联合办理"));

        Assert.Equal(ErrorCodes.ExtensionOverCap, Accepted(joint).Reject(new Extend(Actors.Head, 16, "局长", "联合办理")).Code);
    }

    [Fact]
    public void Extend_ItemWithASpecialLawCap_FollowsThatCap()
    {
        var special = WithGuide(g => g.Limits.Extension = new ExtensionLimit { Max = Duration.WorkingDays(30), Basis = "《某专门法》第十条" });
        Accepted(special).Run(new Extend(Actors.Head, 30, "局长", "依专门法延期"));

        var error = Accepted(special).Reject(new Extend(Actors.Head, 31, "局长", "依专门法延期"));
        Assert.Equal(ErrorCodes.ExtensionOverCap, error.Code);
        Assert.Contains("《某专门法》第十条", error.Message);
    }

    [Fact]
    public void Extend_ItemCapAboveTheLawWithoutALaw_StaysAtTheLawsCap()
    {
        var unfounded = WithGuide(g => g.Limits.Extension = new ExtensionLimit { Max = Duration.WorkingDays(30) });

        Assert.Equal(ErrorCodes.ExtensionOverCap, Accepted(unfounded).Reject(new Extend(Actors.Head, 11, "局长", "理由")).Code);
    }

    [Fact]
    public void Extend_StricterLocalCap_Applies()
    {
        var strict = WithGuide(g => g.Limits.Extension = new ExtensionLimit { Max = Duration.WorkingDays(5) });

        Assert.Equal(ErrorCodes.ExtensionOverCap, Accepted(strict).Reject(new Extend(Actors.Head, 6, "局长", "理由")).Code);
    }
}
