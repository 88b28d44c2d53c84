using Workflows.Server.Cases;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Server.Tests;

/// <summary>The paths off the happy one, through the HTTP API: supplement, deferral, refusal, withdrawal, clock control, return, races, retries, bad input.</summary>
public sealed class CaseApiScenarioTests : IAsyncLifetime
{
    private const string Agri = "agri-machinery-registration";
    private RunningServer _server = null!;
    private DefinitionSet _set = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(demo: true);
        _set = CaseApi.Definitions(_server);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<HttpClient> As(string account) =>
        _clients.TryGetValue(account, out var client) ? client : _clients[account] = await _server.SignInAsync(account);

    private async Task<JsonObject> CreateAsync(string itemId, JsonObject? decision, Func<Material, string>? status = null, string? key = null)
    {
        var item = _set.Item(itemId)!;
        var (response, view) = await CaseApi.PostAsync(await As(CaseLifecycleApiTests.IntakeClerk(_set, item)), "/api/cases", CaseApi.NewCase(item, decision, status), key);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, view.ToJsonString());
        return view;
    }

    private async Task<JsonObject> Command(string account, JsonObject view, string command, JsonObject body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (response, next) = await CaseApi.PostAsync(await As(account), $"/api/cases/{view["id"]}/{command}", body);
        Assert.True(response.StatusCode == expected, $"{command} as {account}: {(int)response.StatusCode} {next.ToJsonString()}");
        return next;
    }

    private static string TaskAt(JsonObject view, string step) =>
        CaseApi.ActiveTasks(view).Single(t => t!["stepId"]!.GetValue<string>() == step)!["id"]!.GetValue<string>();

    [Fact]
    public async Task Supplement_OneTimeNoticeThenMaterialsBrought_CaseIsAcceptedAfterwards()
    {
        var view = await CreateAsync(Agri, new JsonObject
        {
            ["kind"] = "request-supplement",
            ["deficiencies"] = new JsonArray(new JsonObject { ["materialId"] = "inspection-certificate", ["kind"] = "missing", ["note"] = "缺安全技术检验合格证明" }),
        }, m => m.Id == "inspection-certificate" ? "missing" : "received");
        Assert.Equal("supplementing", view["status"]!.GetValue<string>());
        Assert.Equal("inspection-certificate", view["case"]!["openSupplement"]!["deficiencies"]![0]!["materialId"]!.GetValue<string>());

        view = await Command("clerk-comprehensive-2", view, "supplement", new JsonObject { ["materialIds"] = new JsonArray("inspection-certificate") });
        view = await Command("clerk-comprehensive-2", view, "accept", new JsonObject());

        Assert.Equal("in-progress", view["status"]!.GetValue<string>());
        Assert.Equal("received", view["case"]!["materials"]!["inspection-certificate"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deferral_AcceptsWithoutTheDeferrableMaterialAndRecordsItsCatchUpDate()
    {
        var view = await CreateAsync("private-kindergarten", new JsonObject
        {
            ["kind"] = "accept-with-deferral", ["materialIds"] = new JsonArray("staff-health"), ["pledgeSigned"] = true,
        }, m => m.Id == "staff-health" ? "missing" : "received");

        Assert.Equal("in-progress", view["status"]!.GetValue<string>());
        var deferred = view["case"]!["materials"]!["staff-health"]!;
        Assert.Equal("deferred", deferred["status"]!.GetValue<string>());
        Assert.NotNull(deferred["catchUpDue"]);
    }

    [Fact]
    public async Task Refusal_AtTheWindow_ClosesTheCaseWithItsReasons()
    {
        var view = await CreateAsync(Agri, new JsonObject { ["kind"] = "refuse", ["reasons"] = new JsonArray("申请事项不属于本机关职权范围"), ["competentBody"] = "七台河市农业农村局" });

        Assert.True(view["closed"]!.GetValue<bool>());
        Assert.Equal("refused", view["status"]!.GetValue<string>());
        Assert.Equal("七台河市农业农村局", view["case"]!["refusal"]!["competentBody"]!.GetValue<string>());
    }

    [Fact]
    public async Task Withdrawal_AfterAcceptance_ClosesTheCase()
    {
        var view = await CreateAsync(Agri, new JsonObject { ["kind"] = "accept" });
        view = await Command("clerk-comprehensive-2", view, "withdraw", new JsonObject { ["reason"] = "申请人书面申请撤回" });
        Assert.Equal("withdrawn", view["status"]!.GetValue<string>());
        Assert.True(view["closed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SuspendResumeAndExtend_ByTheHead_MoveTheClock_ReviewerMayNot()
    {
        var view = await CreateAsync(Agri, new JsonObject { ["kind"] = "accept" });
        var due = view["case"]!["clocks"]!["promisedDue"]!.GetValue<string>();
        await Command("agriculture-reviewer", view, "suspend", new JsonObject { ["reason"] = "等待检验" }, HttpStatusCode.Forbidden);

        view = await Command("agriculture-head", view, "suspend", new JsonObject { ["reason"] = "现场检验", ["procedure"] = "testing", ["approver"] = "农业农村局局长", ["basis"] = "《中华人民共和国行政许可法》第四十五条" });
        Assert.Equal("suspended", view["status"]!.GetValue<string>());
        view = await Command("agriculture-head", view, "resume", new JsonObject());
        Assert.Equal("in-progress", view["status"]!.GetValue<string>());
        view = await Command("agriculture-head", view, "extend", new JsonObject { ["workingDays"] = 2, ["approver"] = "农业农村局局长", ["reason"] = "情况复杂" });

        Assert.Equal(2, view["case"]!["clocks"]!["extendedWorkingDays"]!.GetValue<int>());
        Assert.True(string.CompareOrdinal(view["case"]!["clocks"]!["promisedDue"]!.GetValue<string>(), due) > 0);
    }

    [Fact]
    public async Task Suspend_WithoutApprover_IsRefusedWithItsCode_AndWithoutLegalBasis_KeepsTheClockRunning()
    {
        var view = await CreateAsync(Agri, new JsonObject { ["kind"] = "accept" });
        var refused = await Command("agriculture-head", view, "suspend", new JsonObject { ["reason"] = "等待检验" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("WF6070", refused["code"]!.GetValue<string>());
        var unchanged = (await (await As("agriculture-head")).GetFromJsonAsync<JsonObject>($"/api/cases/{view["id"]}"))!;
        Assert.Equal("in-progress", unchanged["status"]!.GetValue<string>());

        view = await Command("agriculture-head", view, "suspend", new JsonObject { ["reason"] = "申请人请求暂缓", ["approver"] = "农业农村局局长" });
        Assert.Equal("suspended", view["status"]!.GetValue<string>());
        Assert.True(view["case"]!["activeSuspension"]!["counted"]!.GetValue<bool>());
        Assert.Empty(view["case"]!["clocks"]!["pauses"]!.AsArray());
        Assert.NotEqual("suspended", view["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExcludedProcedureStep_StopsTheClockWithItsNotice_AndRestartsItWhenDone()
    {
        var view = await CreateAsync("water-permit", new JsonObject { ["kind"] = "accept" });
        view = await Command("water-reviewer", view, "complete", new JsonObject { ["taskId"] = TaskAt(view, "preliminary-review"), ["outcome"] = "pass" });

        var procedure = view["case"]!["activeProcedure"]!;
        Assert.Equal(("expert-review", "《取水许可和水资源费征收管理条例》第十二条"), (procedure["kind"]!.GetValue<string>(), procedure["basis"]!.GetValue<string>()));
        Assert.Equal("suspended", view["level"]!.GetValue<string>());
        Assert.Contains(view["case"]!["documents"]!.AsArray(), d => d!["templateId"]!.GetValue<string>() == "notices/special-procedure");

        view = await Command("water-reviewer", view, "complete", new JsonObject { ["taskId"] = TaskAt(view, "expert-review"), ["outcome"] = "pass", ["opinion"] = "评审通过" });
        Assert.Null(view["case"]!["activeProcedure"]);
        Assert.Single(view["case"]!["procedureHistory"]!.AsArray());
        Assert.NotEqual("suspended", view["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task SuspendedCase_PastItsOldDueDate_IsNotListedAsOverdue()
    {
        // Its own server: moving the clock here must not age the other tests' cases.
        await using var server = await RunningServer.StartAsync(demo: true, configure: o => o with { TestClock = true });
        var set = CaseApi.Definitions(server);
        var item = set.Item(Agri)!;
        using var clerk = await server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, item));
        var (_, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }, null));
        using var head = await server.SignInAsync("agriculture-head");
        var (suspended, _) = await CaseApi.PostAsync(head, $"/api/cases/{view["id"]}/suspend", new JsonObject { ["reason"] = "现场检验", ["procedure"] = "testing", ["approver"] = "农业农村局局长", ["basis"] = "《中华人民共和国行政许可法》第四十五条" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);

        var due = DateOnly.Parse(view["case"]!["clocks"]!["promisedDue"]!.GetValue<string>());
        server.Services.GetRequiredService<ServerClock>().MoveTo(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));

        var now = (await head.GetFromJsonAsync<JsonObject>($"/api/cases/{view["id"]}"))!;
        Assert.Equal("suspended", now["status"]!.GetValue<string>());
        Assert.Equal("suspended", now["level"]!.GetValue<string>());
        var supervision = (await head.GetFromJsonAsync<JsonObject>("/api/supervision"))!;
        Assert.DoesNotContain(supervision["overdue"]!.AsArray(), row => row!["id"]!.GetValue<string>() == view["id"]!.GetValue<string>());
        Assert.Contains(supervision["suspended"]!.AsArray(), row => row!["id"]!.GetValue<string>() == view["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExcludedProcedure_PastItsAnnouncedDuration_IsShownToSupervision()
    {
        await using var server = await RunningServer.StartAsync(demo: true, configure: o => o with { TestClock = true });
        var set = CaseApi.Definitions(server);
        var item = set.Item("water-permit")!;
        using var clerk = await server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, item));
        var (_, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }, null));
        using var reviewer = await server.SignInAsync("water-reviewer");
        var (entered, procedureView) = await CaseApi.PostAsync(reviewer, $"/api/cases/{view["id"]}/complete",
            new JsonObject { ["taskId"] = TaskAt(view, "preliminary-review"), ["outcome"] = "pass" });
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        var end = DateOnly.Parse(procedureView["case"]!["activeProcedure"]!["announcedEnd"]!.GetValue<string>());
        using var head = await server.SignInAsync("water-head");
        var id = view["id"]!.GetValue<string>();

        // The counts and the case list's filter come from the figures index (procedure_due), not from snapshots.
        static int Overruns(JsonObject overview) => overview["totals"]!["procedureOverrun"]!.GetValue<int>();
        static int WaterOverruns(JsonObject overview) =>
            overview["departments"]!.AsArray().Single(d => d!["department"]!.GetValue<string>() == "water")!["procedureOverrun"]!.GetValue<int>();
        async Task<List<string>> Filtered() => (await head.GetFromJsonAsync<JsonObject>("/api/cases?procedureOverrun=true&take=200"))!["items"]!.AsArray()
            .Select(c => c!["id"]!.GetValue<string>()).ToList();
        async Task<int> ReportOverruns() => (await head.GetFromJsonAsync<JsonObject>("/api/supervision/report"))!["departments"]!.AsArray()
            .Single(d => d!["department"]!.GetValue<string>() == "water")!["procedureOverrun"]!.GetValue<int>();

        var before = (await head.GetFromJsonAsync<JsonObject>("/api/supervision"))!;
        var row = before["suspended"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;
        var filteredBefore = await Filtered();
        var reportBefore = await ReportOverruns();
        Assert.False(row["procedure"]!["overrun"]!.GetValue<bool>());
        Assert.False(row["procedureOverrun"]!.GetValue<bool>());
        Assert.DoesNotContain(id, filteredBefore);

        server.Services.GetRequiredService<ServerClock>().MoveTo(new DateTimeOffset(end.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        var after = (await head.GetFromJsonAsync<JsonObject>("/api/supervision"))!;
        row = after["suspended"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;
        Assert.True(row["procedure"]!["overrun"]!.GetValue<bool>());
        Assert.True(row["procedureOverrun"]!.GetValue<bool>());
        Assert.Equal("水资源论证报告书专家评审", row["procedure"]!["name"]!.GetValue<string>());
        Assert.Equal(Overruns(before) + 1, Overruns(after));
        Assert.Equal(WaterOverruns(before) + 1, WaterOverruns(after));
        Assert.Equal(reportBefore + 1, await ReportOverruns());
        var filtered = await Filtered();
        Assert.Contains(id, filtered);
        Assert.Equal(filteredBefore.Count + 1, filtered.Count);
    }

    [Fact]
    public async Task Return_FromDecisionToReview_ReopensTheReviewTask()
    {
        var view = await CreateAsync(Agri, new JsonObject { ["kind"] = "accept" });
        view = await Command("agriculture-reviewer", view, "complete", new JsonObject { ["taskId"] = TaskAt(view, "review"), ["outcome"] = "pass" });
        view = await Command("agriculture-head", view, "return", new JsonObject { ["taskId"] = TaskAt(view, "decide"), ["targetStepId"] = "review", ["reason"] = "发动机号核对有误" });

        Assert.Single(CaseApi.ActiveTasks(view), t => t!["stepId"]!.GetValue<string>() == "review");
    }

    [Fact]
    public async Task TwoReviewers_CompletingTheSameTaskAtTheSameVersion_OneWinsOneGets409()
    {
        var view = await CreateAsync(Agri, new JsonObject { ["kind"] = "accept" });
        var task = TaskAt(view, "review");
        var version = view["version"]!.GetValue<long>();
        var first = await As("agriculture-reviewer");
        var second = await _server.SignInAsync("agriculture-reviewer");
        var body = new JsonObject { ["taskId"] = task, ["outcome"] = "pass" };

        var results = await Task.WhenAll(
            CaseApi.PostAsync(first, $"/api/cases/{view["id"]}/complete", body.DeepClone().AsObject(), ifMatch: version),
            CaseApi.PostAsync(second, $"/api/cases/{view["id"]}/complete", body.DeepClone().AsObject(), ifMatch: version));
        second.Dispose();

        Assert.Single(results, r => r.Response.StatusCode == HttpStatusCode.OK);
        var conflict = Assert.Single(results, r => r.Response.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("WF9409", conflict.Body["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task RetriedCreate_WithTheSameKey_ReturnsTheSameCase_ReusedKeyIs422()
    {
        var first = await CreateAsync(Agri, new JsonObject { ["kind"] = "accept" }, key: "window-2-0001");
        var retry = await CreateAsync(Agri, new JsonObject { ["kind"] = "accept" }, key: "window-2-0001");
        var other = await CreateAsync(Agri, new JsonObject { ["kind"] = "accept" }, key: "window-2-0002");

        Assert.Equal(first["id"]!.GetValue<string>(), retry["id"]!.GetValue<string>());
        Assert.True(retry["replayed"]!.GetValue<bool>());
        Assert.Equal(first["version"]!.GetValue<long>(), retry["version"]!.GetValue<long>());
        Assert.NotEqual(first["number"]!.GetValue<string>(), other["number"]!.GetValue<string>());

        var item = _set.Item(Agri)!;
        var changed = CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" });
        changed["applicant"]!["name"] = "李四";
        var (reused, problem) = await CaseApi.PostAsync(await As("clerk-comprehensive-2"), "/api/cases", changed, "window-2-0001");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("WF9422", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadInput_GetsAClearProblemWithAStableCode()
    {
        var clerk = await As("clerk-comprehensive-2");
        var malformed = await clerk.PostAsync("/api/cases", new StringContent("{\"itemId\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("WF9001", (await malformed.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());

        var body = CaseApi.NewCase(_set.Item(Agri)!, null);
        body["applicant"]!["idNumber"] = "230903197806123510";
        var (badId, problem) = await CaseApi.PostAsync(clerk, "/api/cases", body);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Contains("GB 11643", problem["detail"]!.GetValue<string>());

        var view = await CreateAsync(Agri, new JsonObject { ["kind"] = "accept" });
        var (badLevel, levelProblem) = await CaseApi.PostAsync(await As("admin"), $"/api/cases/{view["id"]}/evaluate", new JsonObject { ["level"] = "great" });
        Assert.Equal(HttpStatusCode.BadRequest, badLevel.StatusCode);
        Assert.Contains("very-satisfied", levelProblem["detail"]!.GetValue<string>());

        var (wrongTask, engineProblem) = await CaseApi.PostAsync(await As("agriculture-reviewer"), $"/api/cases/{view["id"]}/complete", new JsonObject { ["taskId"] = "t99", ["outcome"] = "pass" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongTask.StatusCode);
        Assert.StartsWith("WF60", engineProblem["code"]!.GetValue<string>());

        var unknown = await clerk.PostAsync($"/api/cases/{view["id"]}/teleport", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Inbox_ShowsTheReviewerTheTaskDueFirst_AndSupervisionCountsTheDepartment()
    {
        var view = await CreateAsync(Agri, new JsonObject { ["kind"] = "accept" });
        var reviewer = await As("agriculture-reviewer");

        var inbox = (await reviewer.GetFromJsonAsync<JsonObject>("/api/tasks?scope=mine"))!["tasks"]!.AsArray();
        var row = Assert.Single(inbox, t => t!["caseId"]!.GetValue<string>() == view["id"]!.GetValue<string>())!;
        Assert.Equal("review", row["stepId"]!.GetValue<string>());
        Assert.NotNull(row["remainingWorkingDays"]);
        Assert.Empty((await (await As("water-reviewer")).GetFromJsonAsync<JsonObject>("/api/tasks?scope=mine"))!["tasks"]!.AsArray());

        var supervision = (await (await As("supervisor")).GetFromJsonAsync<JsonObject>("/api/supervision"))!;
        Assert.Contains(supervision["departments"]!.AsArray(), d => d!["department"]!.GetValue<string>() == "agriculture" && d["open"]!.GetValue<int>() >= 1);
    }
}
