using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Lifecycles;

/// <summary>Attachments, delivery at the issuance window, and the rectification a bad rating opens.</summary>
public sealed class AfterDecisionTests
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static CaseHarness Granted() =>
        new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(["id-card", "application", "health"]).Accept()
            .Complete("review", Actors.Reviewer, "pass")
            .Complete("decide", Actors.Head, "grant");

    [Fact]
    public void AttachFile_KeepsTheFileWithItsMaterial_AndReplays()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive(["id-card", "application"]);
        harness.Run(new AttachFile(Actors.Clerk, "id-card", "身份证.jpg", "image/jpeg", 48213, Sha.ToUpperInvariant()));
        harness.Run(new AttachFile(Actors.Clerk, null, "委托书.pdf", "application/pdf", 1024, Sha));

        var files = harness.State.Attachments;
        Assert.Equal(["id-card", null], files.Select(f => f.MaterialId));
        Assert.Equal(Sha, files[0].Sha256);
        Assert.Equal("clerk-wang", files[0].By);
        harness.AssertReplayReproducesState();
    }

    [Fact]
    public void AttachFile_RejectsAnUnknownMaterial_ABadDigest_AndAClosedCase()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive(["id-card", "application"]);
        Assert.Equal(ErrorCodes.UnknownMaterial, harness.Reject(new AttachFile(Actors.Clerk, "no-such", "a.pdf", "application/pdf", 10, Sha)).Code);
        Assert.Equal(ErrorCodes.InvalidArgument, harness.Reject(new AttachFile(Actors.Clerk, null, "a.pdf", "application/pdf", 10, "abc")).Code);
        Assert.Equal(ErrorCodes.InvalidArgument, harness.Reject(new AttachFile(Actors.Clerk, null, "a.pdf", "application/pdf", 0, Sha)).Code);
        harness.Run(new Withdraw(Actors.Clerk, "申请人撤回"));
        Assert.Equal(ErrorCodes.NotAllowedInStatus, harness.Reject(new AttachFile(Actors.Clerk, null, "a.pdf", "application/pdf", 10, Sha)).Code);
        Assert.Empty(harness.State.Attachments);
    }

    [Fact]
    public void Delivery_ByCourier_NeedsATrackingNumber_AndIsRecordedWithTheIssuanceTask()
    {
        var harness = Granted();
        var deliver = harness.TaskAt("deliver");

        var refused = harness.Reject(new CompleteTask(Actors.Issuer, deliver.Id, null) { Delivery = new ResultDelivery(Delivery.Courier) });
        Assert.Equal(ErrorCodes.TrackingNumberRequired, refused.Code);
        Assert.Null(harness.State.Delivery);

        harness.Run(new CompleteTask(Actors.Issuer, deliver.Id, null, "已寄出") { Delivery = new ResultDelivery(Delivery.Courier, " SF1234567890 ", "张建国") });
        var delivery = harness.State.Delivery!;
        Assert.Equal((Delivery.Courier, "SF1234567890", "张建国", "issuer-sun"), (delivery.Method, delivery.TrackingNumber, delivery.Recipient, delivery.By));
        Assert.Equal(CaseStatus.Completed, harness.State.Status);
        harness.AssertReplayReproducesState();
    }

    [Fact]
    public void BadRating_OpensARectificationDueInFiveWorkingDays_ClosedByTheDepartmentsReport()
    {
        var harness = Granted();
        harness.Complete("deliver", Actors.Issuer, null);
        harness.On("2026-04-30"); // 劳动节 2026: 5月1日—5日 off, 5月9日 (Saturday) a working day
        harness.Run(new Evaluate(EvaluationLevel.Dissatisfied, "等候时间太长"));

        var open = harness.State.Rectification!;
        Assert.True(open.IsOpen);
        Assert.Equal(CaseHarness.Date("2026-04-30"), open.OpenedOn);
        Assert.Equal(CaseHarness.Date("2026-05-11"), open.Due); // 6, 7, 8, 9 (调休), 11 May

        Assert.Equal(ErrorCodes.InvalidArgument, harness.Reject(new Rectify(Actors.Head, " ")).Code);
        harness.Run(new Rectify(Actors.Head, "增设取号引导，高峰期增开窗口"));
        Assert.False(harness.State.Rectification!.IsOpen);
        Assert.Equal(ErrorCodes.NoOpenRectification, harness.Reject(new Rectify(Actors.Head, "再次整改")).Code);
        harness.AssertReplayReproducesState();
    }

    [Fact]
    public void GoodRating_OpensNoRectification()
    {
        var harness = Granted();
        harness.Complete("deliver", Actors.Issuer, null);
        harness.Run(new Evaluate(EvaluationLevel.BasicallySatisfied));
        Assert.Null(harness.State.Rectification);
        Assert.Equal(ErrorCodes.NoOpenRectification, harness.Reject(new Rectify(Actors.Head, "无")).Code);
    }
}
