using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Definitions.Model;
using Workflows.Domain;
using Workflows.Storage;

namespace Workflows.Server.Tests;

/// <summary>
/// 告知承诺 through the HTTP API on the sample county's 教师资格认定 (无犯罪记录证明 by pledge): the choice
/// at intake, the 核查 task in the department's inbox with its deadline level, a true pledge, a false
/// one revoking the decision (the certificate stops verifying as valid), and the marked applicant
/// refused 告知承诺 with its code while nothing is stored.
/// </summary>
public sealed class PledgeApiTests : IAsyncLifetime
{
    private const string ItemId = "teacher-qualification";
    private const string Proof = "no-criminal-record";
    private RunningServer _server = null!;
    private ItemDefinition _item = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(demo: true);
        _item = CaseApi.Definitions(_server).Item(ItemId)!;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A valid resident ID of its own per test, so one test's credit mark never reaches another.</summary>
    private static string ApplicantId(int n)
    {
        var first17 = $"23090319900101{n:000}";
        return first17 + ResidentId.ComputeCheckCharacter(first17);
    }

    private async Task<(HttpClient Clerk, string Id, JsonObject View)> ReceiveAsync(string applicantId)
    {
        var clerk = await _server.SignInAsync("clerk-comprehensive-1");
        var body = CaseApi.NewCase(_item, decision: null, m => m.Id == Proof ? "missing" : "received");
        body["applicant"]!["idNumber"] = applicantId;
        var (created, view) = await CaseApi.PostAsync(clerk, "/api/cases", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, view.ToJsonString());
        return (clerk, view["id"]!.GetValue<string>(), view);
    }

    private static async Task<JsonObject> OkAsync(HttpClient client, string path, JsonObject body)
    {
        var (response, view) = await CaseApi.PostAsync(client, path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {view.ToJsonString()}");
        return view;
    }

    private static string TaskAt(JsonObject view, string stepId) =>
        CaseApi.ActiveTasks(view).Single(t => t!["stepId"]!.GetValue<string>() == stepId)!["id"]!.GetValue<string>();

    /// <summary>Pledged, accepted, reviewed and granted: the 核查 task is open beside 统一出件.</summary>
    private async Task<(string Id, JsonObject View)> GrantedWithPledgeAsync(string applicantId)
    {
        var (clerk, id, view) = await ReceiveAsync(applicantId);
        view = await OkAsync(clerk, $"/api/cases/{id}/choose-pledge", new JsonObject { ["materialIds"] = new JsonArray(Proof) });
        Assert.Equal("pledged", view["case"]!["materials"]![Proof]!["status"]!.GetValue<string>());
        Assert.Contains(view["case"]!["documents"]!.AsArray(), d => d!["templateId"]!.GetValue<string>() == "notices/pledge");
        view = await OkAsync(clerk, $"/api/cases/{id}/accept", []);
        view = await OkAsync(await _server.SignInAsync("education-reviewer"), $"/api/cases/{id}/complete",
            new JsonObject { ["taskId"] = TaskAt(view, "review"), ["outcome"] = "pass", ["opinion"] = "符合认定条件" });
        view = await OkAsync(await _server.SignInAsync("education-head"), $"/api/cases/{id}/complete",
            new JsonObject { ["taskId"] = TaskAt(view, "decide"), ["outcome"] = "grant", ["opinion"] = "准予认定" });
        return (id, view);
    }

    private async Task<JsonObject> DeliverAsync(string id, JsonObject view) =>
        await OkAsync(await _server.SignInAsync("clerk-issuance"), $"/api/cases/{id}/complete",
            new JsonObject { ["taskId"] = TaskAt(view, "deliver"), ["delivery"] = new JsonObject { ["method"] = "window", ["recipient"] = "张建国" } });

    [Fact]
    public async Task ATruePledge_TheCheckWaitsInTheInboxWithItsDeadline_ThenTheCaseStaysCompleted()
    {
        var (id, view) = await GrantedWithPledgeAsync(ApplicantId(1));
        var checkTask = TaskAt(view, "pledge-check");
        var due = view["case"]!["pledge"]!["checkDue"]!.GetValue<string>();

        using var reviewer = await _server.SignInAsync("education-reviewer");
        var inbox = await reviewer.GetFromJsonAsync<JsonObject>("/api/tasks?scope=mine");
        var row = inbox!["tasks"]!.AsArray().Single(t => t!["caseId"]!.GetValue<string>() == id && t["taskId"]!.GetValue<string>() == checkTask)!;
        Assert.Equal(("pledge-check", "告知承诺核查", due), (row["stepId"]!.GetValue<string>(), row["stepName"]!.GetValue<string>(), row["due"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(row["levelLabel"]!.GetValue<string>()));
        Assert.True(row["remainingWorkingDays"]!.GetValue<int>() >= 19);

        view = await DeliverAsync(id, view);
        Assert.Equal("completed", view["status"]!.GetValue<string>());
        // The water bureau may not check the education bureau's pledge; the task is the department's.
        var (foreign, _) = await CaseApi.PostAsync(await _server.SignInAsync("water-reviewer"), $"/api/cases/{id}/check-pledge",
            new JsonObject { ["taskId"] = checkTask, ["truthful"] = true });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        view = await OkAsync(reviewer, $"/api/cases/{id}/check-pledge", new JsonObject { ["taskId"] = checkTask, ["truthful"] = true, ["findings"] = "公安机关网络核验：无犯罪记录" });
        Assert.Equal("completed", view["status"]!.GetValue<string>());
        Assert.True(view["case"]!["pledge"]!["truthful"]!.GetValue<bool>());
        Assert.Empty(CaseApi.ActiveTasks(view));
        Assert.Null(view["case"]!["revocation"]);
    }

    [Fact]
    public async Task AFalsePledge_RevokesTheDecision_TheCertificateStopsVerifying_AndTheApplicantIsRefusedTheNextPledge()
    {
        var applicantId = ApplicantId(2);
        var (id, view) = await GrantedWithPledgeAsync(applicantId);
        view = await DeliverAsync(id, view);
        var checkTask = TaskAt(view, "pledge-check");
        using var reviewer = await _server.SignInAsync("education-reviewer");

        var (noFindings, problem) = await CaseApi.PostAsync(reviewer, $"/api/cases/{id}/check-pledge", new JsonObject { ["taskId"] = checkTask, ["truthful"] = false });
        Assert.Equal((HttpStatusCode)422, noFindings.StatusCode);
        Assert.Equal("WF6084", problem["code"]!.GetValue<string>());

        // 撤销 is the licensing body's decision: without the head's approval nothing is stored and the check stays open.
        var before = (await reviewer.GetFromJsonAsync<JsonObject>($"/api/cases/{id}"))!["version"]!.GetValue<long>();
        var (unapproved, unapprovedProblem) = await CaseApi.PostAsync(reviewer, $"/api/cases/{id}/check-pledge",
            new JsonObject { ["taskId"] = checkTask, ["truthful"] = false, ["findings"] = "公安机关回函：申请人有犯罪记录" });
        Assert.Equal((HttpStatusCode)422, unapproved.StatusCode);
        Assert.Equal("WF6086", unapprovedProblem["code"]!.GetValue<string>());
        var unchanged = (await reviewer.GetFromJsonAsync<JsonObject>($"/api/cases/{id}"))!;
        Assert.Equal(before, unchanged["version"]!.GetValue<long>());
        Assert.Equal(checkTask, TaskAt(unchanged, "pledge-check"));

        view = await OkAsync(reviewer, $"/api/cases/{id}/check-pledge",
            new JsonObject { ["taskId"] = checkTask, ["truthful"] = false, ["findings"] = "公安机关回函：申请人有犯罪记录", ["approver"] = "刘志强" });
        Assert.Equal("刘志强", view["case"]!["revocation"]!["approver"]!.GetValue<string>());
        Assert.Equal("revoked", view["status"]!.GetValue<string>());
        Assert.Equal("已撤销", view["statusLabel"]!.GetValue<string>());
        Assert.Contains(view["case"]!["documents"]!.AsArray(), d => d!["templateId"]!.GetValue<string>() == "notices/revocation");

        var register = (ICertificateRegister)_server.Services.GetRequiredService<ICaseStore>();
        var certificate = Assert.Single(await register.CertificatesOfCaseAsync(Guid.Parse(id)));
        var verified = await _server.GetJsonAsync($"/verify/{certificate.Identifier}?format=json");
        Assert.Equal("已撤销", verified["status"]!.GetValue<string>());

        // The next application of the same applicant: 告知承诺 refused with its code, the case unchanged.
        var (clerk, next, received) = await ReceiveAsync(applicantId);
        var (refused, why) = await CaseApi.PostAsync(clerk, $"/api/cases/{next}/choose-pledge", new JsonObject { ["materialIds"] = new JsonArray(Proof) });
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Equal("WF6082", why["code"]!.GetValue<string>());
        Assert.Contains("虚假承诺", why["detail"]!.GetValue<string>());
        var after = await clerk.GetFromJsonAsync<JsonObject>($"/api/cases/{next}");
        Assert.Equal(received["version"]!.GetValue<long>(), after!["version"]!.GetValue<long>());
        Assert.Null(after["case"]!["pledge"]);
    }

    /// <summary>收件 with the proof not handed over, the pledge and the decision in one <c>POST /api/cases</c>, as the window sends it.</summary>
    private JsonObject PledgedIntake(string applicantId, string decision)
    {
        var body = CaseApi.NewCase(_item, new JsonObject { ["kind"] = decision }, m => m.Id == Proof ? "missing" : "received");
        body["applicant"]!["idNumber"] = applicantId;
        body["pledge"] = new JsonObject { ["materialIds"] = new JsonArray(Proof) };
        return body;
    }

    [Fact]
    public async Task PledgeAndAcceptInOneCall_AcceptsWithTheProofPledgedAndTheNotice_AndARetryReplaysBothHalves()
    {
        using var clerk = await _server.SignInAsync("clerk-comprehensive-1");
        var key = Guid.NewGuid().ToString();
        var (created, view) = await CaseApi.PostAsync(clerk, "/api/cases", PledgedIntake(ApplicantId(4), "accept"), key);
        Assert.True(created.StatusCode == HttpStatusCode.Created, view.ToJsonString());
        Assert.Equal("in-progress", view["status"]!.GetValue<string>());
        Assert.Equal("pledged", view["case"]!["materials"]![Proof]!["status"]!.GetValue<string>());
        Assert.Equal(new[] { Proof }, view["case"]!["pledge"]!["materialIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Single(view["case"]!["documents"]!.AsArray(), d => d!["templateId"]!.GetValue<string>() == "notices/pledge");
        Assert.NotNull(view["case"]!["clocks"]!["acceptedOn"]);

        // The same request again (a lost answer): the same case, the pledge not chosen twice.
        var (again, replayed) = await CaseApi.PostAsync(clerk, "/api/cases", PledgedIntake(ApplicantId(4), "accept"), key);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(view["id"]!.GetValue<string>(), replayed["id"]!.GetValue<string>());
        var stored = await clerk.GetFromJsonAsync<JsonObject>($"/api/cases/{view["id"]}");
        Assert.Equal(view["version"]!.GetValue<long>(), stored!["version"]!.GetValue<long>());
        Assert.Single(stored["case"]!["documents"]!.AsArray(), d => d!["templateId"]!.GetValue<string>() == "notices/pledge");
    }

    /// <summary>
    /// Decided: a refused pledge leaves the case 收件 (received, nothing pledged, no decision), like a refused
    /// decision does; the problem names the case so the window goes on with it instead of receiving again.
    /// </summary>
    [Fact]
    public async Task PledgeInOneCall_ForAMarkedApplicant_IsRefusedWithWF6082_AndTheCaseStaysReceived()
    {
        var applicantId = ApplicantId(5);
        var credit = (ICreditRecords)_server.Services.GetRequiredService<ICaseStore>();
        Assert.True(await credit.AddCreditMarkAsync(new StoredCreditMark($"dishonest:{applicantId}", applicantId, "dishonest", "列入严重失信主体名单", new DateOnly(2026, 3, 1))));

        using var clerk = await _server.SignInAsync("clerk-comprehensive-1");
        var (refused, problem) = await CaseApi.PostAsync(clerk, "/api/cases", PledgedIntake(applicantId, "accept"), Guid.NewGuid().ToString());
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Equal("WF6082", problem["code"]!.GetValue<string>());
        Assert.Contains("失信", problem["detail"]!.GetValue<string>());
        var id = problem["caseId"]!.GetValue<string>();
        Assert.Contains(problem["number"]!.GetValue<string>(), problem["detail"]!.GetValue<string>());

        var received = await clerk.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.Equal("received", received!["status"]!.GetValue<string>());
        Assert.Null(received["case"]!["pledge"]);
        Assert.Null(received["case"]!["clocks"]!["acceptedOn"]);
        Assert.Equal("missing", received["case"]!["materials"]![Proof]!["status"]!.GetValue<string>());
        Assert.DoesNotContain(received["case"]!["documents"]!.AsArray(), d => d!["templateId"]!.GetValue<string>() == "notices/pledge");

        // A pledge without materials is the caller's mistake: 400 before anything is received.
        var empty = PledgedIntake(ApplicantId(6), "accept");
        empty["pledge"] = new JsonObject { ["materialIds"] = new JsonArray() };
        var (invalid, why) = await CaseApi.PostAsync(clerk, "/api/cases", empty);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("pledge.materialIds", why["detail"]!.GetValue<string>());
        Assert.Null(why["caseId"]);
    }

    [Fact]
    public async Task ADishonestMark_RefusesThePledge_UntilAnAdminLiftsIt_AndEveryChangeIsLogged()
    {
        var applicantId = ApplicantId(4);
        using var admin = await _server.SignInAsync("admin");
        using var supervisor = await _server.SignInAsync("supervisor");

        var (badId, badIdProblem) = await CaseApi.PostAsync(admin, "/api/credit-marks",
            new JsonObject { ["applicantId"] = "12345", ["applicantName"] = "张三", ["reason"] = "失信被执行人", ["basis"] = "名单" });
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal("WF9630", badIdProblem["code"]!.GetValue<string>());
        var (past, pastProblem) = await CaseApi.PostAsync(admin, "/api/credit-marks",
            new JsonObject { ["applicantId"] = applicantId, ["applicantName"] = "张三", ["reason"] = "失信被执行人", ["basis"] = "名单", ["validUntil"] = "2000-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal("WF9632", pastProblem["code"]!.GetValue<string>());

        var mark = await OkAsync(admin, "/api/credit-marks", new JsonObject
        {
            ["applicantId"] = applicantId, ["applicantName"] = "张三", ["reason"] = "拒不履行生效判决",
            ["basis"] = "法院失信被执行人名单 (2026)黑0903执123号",
        });
        var markId = mark["id"]!.GetValue<string>();
        Assert.True(mark["active"]!.GetValue<bool>());

        var (clerk, caseId, received) = await ReceiveAsync(applicantId);
        var (refused, why) = await CaseApi.PostAsync(clerk, $"/api/cases/{caseId}/choose-pledge", new JsonObject { ["materialIds"] = new JsonArray(Proof) });
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Equal("WF6082", why["code"]!.GetValue<string>());
        Assert.Contains("失信", why["detail"]!.GetValue<string>());
        Assert.Contains("拒不履行生效判决", why["detail"]!.GetValue<string>());

        // Supervisors read the record; only admins change it.
        var listed = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/credit-marks?applicantId={applicantId}"))!;
        Assert.Equal(1, listed["total"]!.GetValue<int>());
        Assert.Equal(markId, listed["marks"]![0]!["id"]!.GetValue<string>());
        var (denied, _) = await CaseApi.PostAsync(supervisor, $"/api/credit-marks/{markId}/lift", new JsonObject { ["reason"] = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        // 信用修复: the mark stays, lifted with who and why, and refuses no more.
        var lifted = await OkAsync(admin, $"/api/credit-marks/{markId}/lift", new JsonObject { ["reason"] = "已履行判决义务，已移出失信名单" });
        Assert.False(lifted["active"]!.GetValue<bool>());
        Assert.Equal("admin", lifted["liftedBy"]!.GetValue<string>());
        var (again, againProblem) = await CaseApi.PostAsync(admin, $"/api/credit-marks/{markId}/lift", new JsonObject { ["reason"] = "again" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("WF9634", againProblem["code"]!.GetValue<string>());
        var kept = (await admin.GetFromJsonAsync<JsonObject>($"/api/credit-marks?applicantId={applicantId}"))!;
        Assert.Equal("已履行判决义务，已移出失信名单", kept["marks"]![0]!["liftReason"]!.GetValue<string>());

        var pledged = await OkAsync(clerk, $"/api/cases/{caseId}/choose-pledge", new JsonObject { ["materialIds"] = new JsonArray(Proof) });
        Assert.Equal(new JsonArray(Proof).ToJsonString(), pledged["case"]!["pledge"]!["materialIds"]!.ToJsonString());
        Assert.True(pledged["version"]!.GetValue<long>() > received["version"]!.GetValue<long>());

        var log = (await admin.GetFromJsonAsync<JsonObject>("/api/security/events?kind=credit-mark-*"))!["events"]!.AsArray();
        Assert.Equal(["credit-mark-lifted", "credit-mark-added"], log.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.All(log, e => Assert.Equal(markId, e!["target"]!.GetValue<string>()));
        Assert.All(log, e => Assert.Equal("admin", e!["userName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task APledge_IsNotTakenOnAnItemThatOffersNone_NorOnMaterialsInTheRequest()
    {
        using var clerk = await _server.SignInAsync("clerk-comprehensive-1");
        var body = CaseApi.NewCase(_item, decision: null, m => m.Id == Proof ? "pledged" : "received");
        var (created, problem) = await CaseApi.PostAsync(clerk, "/api/cases", body);
        Assert.Equal((HttpStatusCode)422, created.StatusCode);
        Assert.Equal("WF6080", problem["code"]!.GetValue<string>());

        var (_, id, _) = await ReceiveAsync(ApplicantId(3));
        var (wrong, why) = await CaseApi.PostAsync(clerk, $"/api/cases/{id}/choose-pledge", new JsonObject { ["materialIds"] = new JsonArray("id-card") });
        Assert.Equal((HttpStatusCode)422, wrong.StatusCode);
        Assert.Equal("WF6080", why["code"]!.GetValue<string>());
    }
}
