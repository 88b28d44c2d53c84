using System.Net;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>
/// The workbench's after-care reads over HTTP: the 统一出件 window's list, the rating tablet's
/// pending cases, the 整改 list and the supervision report (on-time rate, weekly volumes, ratings).
/// The server's clock starts on Monday 2026-11-02 and is moved by the test.
/// </summary>
public sealed class WorkbenchAftercareApiTests : IAsyncLifetime
{
    private IssuanceScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await IssuanceScenario.StartAsync();

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private static JsonNode Row(JsonObject list, string key, JsonObject view) =>
        Assert.Single(list[key]!.AsArray(), r => r!["caseId"]!.GetValue<string>() == view["id"]!.GetValue<string>())!;

    private async Task<JsonObject> DeliverAsync(JsonObject view, JsonObject delivery)
    {
        var row = Row(await _scenario.GetAsync("clerk-issuance", "/api/issuance"), "waiting", view);
        var (response, done) = await CaseApi.PostAsync(await _scenario.As("clerk-issuance"), $"/api/cases/{view["id"]}/complete",
            new JsonObject { ["taskId"] = row["taskId"]!.GetValue<string>(), ["delivery"] = delivery });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return done;
    }

    [Fact]
    public async Task IssuanceList_ShowsTheGrantedCaseWithItsCertificate_ThenTheCourierDelivery()
    {
        var view = await _scenario.GrantedAsync("王秀英");

        var waiting = Row(await _scenario.GetAsync("clerk-issuance", "/api/issuance"), "waiting", view);
        Assert.Equal("统一出件", waiting["stepName"]!.GetValue<string>());
        Assert.Equal("granted", waiting["decision"]!.GetValue<string>());
        Assert.Equal("王秀英", waiting["applicantName"]!.GetValue<string>());
        Assert.Equal(["window"], waiting["deliveryMethods"]!.AsArray().Select(m => m!.GetValue<string>()));
        var certificate = Assert.Single(waiting["documents"]!.AsArray(), d => d!["result"]!.GetValue<bool>())!;
        Assert.Equal("certificates/agri-machinery-registration", certificate["templateId"]!.GetValue<string>());
        Assert.True(certificate["certificate"]!.GetValue<bool>());
        Assert.Matches("^[0-9a-f]{32}-[0-9]+-[0-9]+$", certificate["documentId"]!.GetValue<string>()); // named in the command: case, version, ordinal
        // the intake window does not hand results over, and sees none of them here
        Assert.Empty((await _scenario.GetAsync("clerk-comprehensive-2", "/api/issuance"))["waiting"]!.AsArray());

        await DeliverAsync(view, new JsonObject { ["method"] = "courier", ["trackingNumber"] = "EMS1100223344", ["recipient"] = "王秀英" });

        var after = await _scenario.GetAsync("clerk-issuance", "/api/issuance");
        Assert.DoesNotContain(after["waiting"]!.AsArray(), r => r!["caseId"]!.GetValue<string>() == view["id"]!.GetValue<string>());
        var delivered = Row(after, "delivered", view);
        Assert.Equal(("courier", "EMS1100223344", "王秀英", false), (delivered["method"]!.GetValue<string>(), delivered["trackingNumber"]!.GetValue<string>(),
            delivered["recipient"]!.GetValue<string>(), delivered["evaluated"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task ABadRating_ListsTheRectificationForHeadAndSupervisor_UntilTheHeadRecordsIt()
    {
        var view = await _scenario.GrantedAsync("李建华");
        await DeliverAsync(view, new JsonObject { ["method"] = "window", ["recipient"] = "李建华" });

        // the tablet at the issuance window offers the closed case for rating, once
        Row(await _scenario.GetAsync("clerk-issuance", "/api/evaluations/pending"), "cases", view);
        // The issuance clerk served the applicant, so it is rated and cannot record the rating itself.
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseApi.PostAsync(await _scenario.As("clerk-issuance"), $"/api/cases/{view["id"]}/evaluate",
            new JsonObject { ["level"] = "very-satisfied" })).Response.StatusCode);
        var (rated, _) = await CaseApi.PostAsync(await _scenario.As("admin"), $"/api/cases/{view["id"]}/evaluate",
            new JsonObject { ["level"] = "dissatisfied", ["comment"] = "取证等候时间长" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.DoesNotContain((await _scenario.GetAsync("clerk-issuance", "/api/evaluations/pending"))["cases"]!.AsArray(),
            r => r!["caseId"]!.GetValue<string>() == view["id"]!.GetValue<string>());

        var head = Row(await _scenario.GetAsync("agriculture-head", "/api/rectifications"), "rectifications", view);
        Assert.Equal(("dissatisfied", "不满意", "取证等候时间长", "open", true),
            (head["level"]!.GetValue<string>(), head["levelLabel"]!.GetValue<string>(), head["comment"]!.GetValue<string>(),
             head["status"]!.GetValue<string>(), head["mayRectify"]!.GetValue<bool>()));
        Assert.Equal("2026-11-09", head["due"]!.GetValue<string>()); // 5 working days after Monday 2 November
        Assert.Equal(("七台河市桃山区农业农村局", "农业农村局"), (head["departmentName"]!.GetValue<string>(), head["departmentShortName"]!.GetValue<string>()));
        var supervisor = Row(await _scenario.GetAsync("supervisor", "/api/rectifications"), "rectifications", view);
        Assert.False(supervisor["mayRectify"]!.GetValue<bool>());
        Assert.Empty((await _scenario.GetAsync("water-head", "/api/rectifications"))["rectifications"]!.AsArray());

        // past its deadline it shows as overdue
        await _scenario.MoveClockAsync("2026-11-10T09:00:00+08:00");
        Assert.Equal("overdue", Row(await _scenario.GetAsync("supervisor", "/api/rectifications"), "rectifications", view)["status"]!.GetValue<string>());

        var (done, _) = await CaseApi.PostAsync(await _scenario.As("agriculture-head"), $"/api/cases/{view["id"]}/rectify",
            new JsonObject { ["measures"] = "增设出件窗口叫号，已向申请人致歉" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Empty((await _scenario.GetAsync("agriculture-head", "/api/rectifications"))["rectifications"]!.AsArray());
        var completed = Row(await _scenario.GetAsync("supervisor", "/api/rectifications?state=completed"), "rectifications", view);
        Assert.Equal(("completed", "增设出件窗口叫号，已向申请人致歉", false),
            (completed["status"]!.GetValue<string>(), completed["measures"]!.GetValue<string>(), completed["onTime"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Report_CountsOnTimeAndLateClosures_OpenOverdueCases_WeeklyVolumes_AndRatings()
    {
        var onTime = await _scenario.GrantedAsync("张桂兰");
        await DeliverAsync(onTime, new JsonObject { ["method"] = "window" });
        await CaseApi.PostAsync(await _scenario.As("admin"), $"/api/cases/{onTime["id"]}/evaluate", new JsonObject { ["level"] = "very-satisfied" });
        var late = await _scenario.GrantedAsync("刘志强");
        var (response, open) = await CaseApi.PostAsync(await _scenario.As("clerk-comprehensive-2"), "/api/cases",
            CaseApi.NewCase(_scenario.Set.Item(IssuanceScenario.Agri)!, new JsonObject { ["kind"] = "accept" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // 2 working days promised: on Tuesday 10 November both open cases are past due
        await _scenario.MoveClockAsync("2026-11-10T09:00:00+08:00");
        var before = await _scenario.GetAsync("supervisor", "/api/supervision/report?weeks=4");
        var agriculture = Assert.Single(before["departments"]!.AsArray(), d => d!["department"]!.GetValue<string>() == "agriculture")!;
        Assert.Equal((3, 1, 1, 0, 100.0, 2, 2), (agriculture["received"]!.GetValue<int>(), agriculture["closed"]!.GetValue<int>(), agriculture["onTime"]!.GetValue<int>(),
            agriculture["late"]!.GetValue<int>(), agriculture["onTimeRate"]!.GetValue<double>(), agriculture["open"]!.GetValue<int>(), agriculture["overdue"]!.GetValue<int>()));
        Assert.Equal("农业农村局", agriculture["departmentShortName"]!.GetValue<string>());
        Assert.Equal(["2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09"], before["weeks"]!.AsArray().Select(w => w!.GetValue<string>()));
        var week = agriculture["weekly"]!.AsArray()[2]!;
        Assert.Equal(("2026-11-02", 3, 1), (week["week"]!.GetValue<string>(), week["received"]!.GetValue<int>(), week["closed"]!.GetValue<int>()));

        await DeliverAsync(late, new JsonObject { ["method"] = "courier", ["trackingNumber"] = "EMS9", ["recipient"] = "刘志强" });
        await CaseApi.PostAsync(await _scenario.As("admin"), $"/api/cases/{late["id"]}/evaluate", new JsonObject { ["level"] = "very-dissatisfied", ["comment"] = "超期" });
        var after = await _scenario.GetAsync("supervisor", "/api/supervision/report?weeks=4");
        agriculture = Assert.Single(after["departments"]!.AsArray(), d => d!["department"]!.GetValue<string>() == "agriculture")!;
        Assert.Equal((2, 1, 1, 50.0, 1), (agriculture["closed"]!.GetValue<int>(), agriculture["onTime"]!.GetValue<int>(), agriculture["late"]!.GetValue<int>(),
            agriculture["onTimeRate"]!.GetValue<double>(), agriculture["overdue"]!.GetValue<int>()));
        Assert.Equal(1, agriculture["weekly"]!.AsArray()[3]!["closed"]!.GetValue<int>());

        var evaluations = after["evaluations"]!;
        Assert.Equal((2, 50.0), (evaluations["total"]!.GetValue<int>(), evaluations["satisfactionRate"]!.GetValue<double>()));
        Assert.Equal([1, 0, 0, 0, 1], evaluations["levels"]!.AsArray().Select(l => l!["count"]!.GetValue<int>()));
        Assert.Equal("非常不满意", evaluations["levels"]!.AsArray()[4]!["label"]!.GetValue<string>());
        var bad = Assert.Single(evaluations["bad"]!.AsArray())!;
        Assert.Equal((late["id"]!.GetValue<string>(), "open"), (bad["caseId"]!.GetValue<string>(), bad["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Endpoints_AnswerPerRole()
    {
        (string Path, string Account, int Expected)[] matrix =
        [
            ("/api/issuance", "", 401),
            ("/api/issuance", "agriculture-reviewer", 403),
            ("/api/issuance", "supervisor", 403),
            ("/api/issuance", "admin", 200),
            ("/api/evaluations/pending", "agriculture-head", 403),
            ("/api/evaluations/pending", "clerk-comprehensive-2", 200),
            ("/api/rectifications", "clerk-issuance", 403),
            ("/api/rectifications", "agriculture-reviewer", 403),
            ("/api/rectifications?state=later", "supervisor", 400),
            ("/api/supervision/report", "clerk-comprehensive-2", 403),
            ("/api/supervision/report", "agriculture-head", 200),
            ("/api/supervision/report?weeks=0", "supervisor", 400),
            ("/api/supervision/report", "agriculture-editor", 403),
        ];
        foreach (var (path, account, expected) in matrix)
        {
            var client = account == "" ? _scenario.Server.Http : await _scenario.As(account);
            Assert.True(expected == (int)(await client.GetAsync(path)).StatusCode, $"{account} GET {path}: expected {expected}");
        }
    }
}
