using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>
/// The designer API against the real server on a real county repository (git, no mocks): saving
/// with ETags, canonical text, validation, draft checklists and previews, publishing as the user,
/// versions, history, the catalogue and who may do what.
/// </summary>
public class DesignerApiTests : IAsyncLifetime
{
    private const string Teacher = "teacher-qualification";
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true, workTree: true);
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Git(params string[] args) => Repo.Git(_server.CountyRepository, args);

    private static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpClient client, HttpMethod method, string path, JsonObject? body = null,
        string? ifMatch = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 || response.Content.Headers.ContentType?.MediaType == "application/pdf" ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }

    private static Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path);

    private static async Task<JsonObject> OkAsync(Task<(HttpStatusCode Status, JsonObject Body)> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body) = await call;
        Assert.True(status == expected, $"expected {(int)expected}, got {(int)status}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>Marks the id card deferrable in the materials model, the way the checklist editor would.</summary>
    private static JsonArray IdCardDeferrable(JsonObject file)
    {
        var materials = file["model"]!.AsArray().DeepClone().AsArray();
        var idCard = materials.Single(m => m!["id"]!.GetValue<string>() == "id-card")!.AsObject();
        idCard["necessity"] = "deferrable";
        idCard["deferral-limit"] = "5wd";
        return materials;
    }

    [Fact]
    public async Task Reference_OffersOnlyStepKindsTheEngineRuns()
    {
        var admin = await _server.SignInAsync("admin");
        var reference = await OkAsync(GetAsync(admin, "/api/designer/reference"));
        var kinds = reference["step-kinds"]!.AsArray().Select(k => k!["value"]!.GetValue<string>()).ToList();
        Assert.Contains("task", kinds);
        Assert.Contains("parallel", kinds);
        Assert.DoesNotContain("subcase", kinds);
    }

    [Fact]
    public async Task Save_WithAStaleETag_Is409WithTheCurrentContentAndETag_AndLosesNothing()
    {
        var first = await _server.SignInAsync("education-editor");
        var second = await _server.SignInAsync("admin");
        var read = await OkAsync(GetAsync(first, $"/api/designer/items/{Teacher}/materials"));
        var staleETag = read["etag"]!.GetValue<string>();

        var saved = await OkAsync(SendAsync(second, HttpMethod.Put, $"/api/designer/items/{Teacher}/materials", new JsonObject { ["model"] = IdCardDeferrable(read) }, staleETag));
        var (status, problem) = await SendAsync(first, HttpMethod.Put, $"/api/designer/items/{Teacher}/materials", new JsonObject { ["text"] = read["text"]!.GetValue<string>() }, staleETag);
        var (withoutETag, required) = await SendAsync(first, HttpMethod.Put, $"/api/designer/items/{Teacher}/materials", new JsonObject { ["text"] = read["text"]!.GetValue<string>() });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("WF9409", problem["code"]!.GetValue<string>());
        Assert.Equal(saved["etag"]!.GetValue<string>(), problem["etag"]!.GetValue<string>());
        Assert.Equal(saved["text"]!.GetValue<string>(), problem["current"]!["text"]!.GetValue<string>());
        Assert.Contains("necessity: deferrable", problem["current"]!["text"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode)428, withoutETag);
        Assert.Equal("WF9428", required["code"]!.GetValue<string>());
        Assert.Equal(saved["text"]!.GetValue<string>(), File.ReadAllText(Path.Combine(_server.CountyRepository, "definitions/items", Teacher, "materials.yaml")));
    }

    [Fact]
    public async Task Save_WritesCanonicalText_SoGitDiffShowsOnlyTheChangedLines()
    {
        var editor = await _server.SignInAsync("education-editor");
        var read = await OkAsync(GetAsync(editor, $"/api/designer/items/{Teacher}/materials"));

        var saved = await OkAsync(SendAsync(editor, HttpMethod.Put, $"/api/designer/items/{Teacher}/materials", new JsonObject { ["model"] = IdCardDeferrable(read) }, read["etag"]!.GetValue<string>()));
        var diff = Git("diff", "--no-ext-diff", "-U0", "--", $"definitions/items/{Teacher}/materials.yaml");
        var changed = diff.Split('\n').Where(l => l.Length > 0 && (l[0] is '+' or '-') && !l.StartsWith("+++") && !l.StartsWith("---")).ToList();

        Assert.Equal(["-  necessity: required", "+  necessity: deferrable", "+  deferral-limit: 5wd"], changed);
        Assert.NotEqual(read["etag"]!.GetValue<string>(), saved["etag"]!.GetValue<string>());
        Assert.Equal("2\t1\tdefinitions/items/teacher-qualification/materials.yaml\n", Git("diff", "--no-ext-diff", "--numstat"));
    }

    [Fact]
    public async Task Save_OfAWorkflow_WritesNoCoordinates_AndABrokenDraftIsRefusedWithItsLocation()
    {
        var admin = await _server.SignInAsync("admin");
        var read = await OkAsync(GetAsync(admin, $"/api/designer/items/{Teacher}/workflow"));
        var model = read["model"]!.DeepClone().AsObject();
        // What a canvas might leave on a node: unknown keys are not part of the model, so they never reach the file.
        model["steps"]![0]!["position"] = new JsonObject { ["x"] = 120, ["y"] = 40 };
        var broken = read["text"]!.GetValue<string>().Replace("kind: task", "kind: tsak");

        var saved = await OkAsync(SendAsync(admin, HttpMethod.Put, $"/api/designer/items/{Teacher}/workflow", new JsonObject { ["model"] = model }, read["etag"]!.GetValue<string>()));
        var (status, problem) = await SendAsync(admin, HttpMethod.Put, $"/api/designer/items/{Teacher}/workflow", new JsonObject { ["text"] = broken }, saved["etag"]!.GetValue<string>());

        Assert.DoesNotContain("position", saved["text"]!.GetValue<string>());
        Assert.DoesNotContain("x:", saved["text"]!.GetValue<string>());
        Assert.Equal("", Git("status", "--porcelain"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("WF9421", problem["code"]!.GetValue<string>());
        var diagnostic = problem["diagnostics"]!.AsArray().First()!;
        Assert.Equal($"definitions/items/{Teacher}/workflow.yaml", diagnostic["file"]!.GetValue<string>());
        Assert.Equal("WF1006", diagnostic["code"]!.GetValue<string>());
        var lineOfTypo = broken.Split('\n').ToList().FindIndex(l => l.Contains("tsak")) + 1;
        Assert.Equal(lineOfTypo, diagnostic["line"]!.GetValue<int>());
        Assert.Equal("step", diagnostic["element"]!.GetValue<string>());
        Assert.Equal("review", diagnostic["element-id"]!.GetValue<string>());
        Assert.Equal(read["text"]!.GetValue<string>(), File.ReadAllText(Path.Combine(_server.CountyRepository, "definitions/items", Teacher, "workflow.yaml")));
    }

    [Fact]
    public async Task Validate_ReturnsLocatedDiagnostics_FromTheServersValidator_WithoutSaving()
    {
        var editor = await _server.SignInAsync("education-editor");
        var read = await OkAsync(GetAsync(editor, $"/api/designer/items/{Teacher}/materials"));
        var text = read["text"]!.GetValue<string>();
        var at = text.IndexOf("necessity: required", StringComparison.Ordinal);
        var typo = text[..at] + "necessity: requird" + text[(at + "necessity: required".Length)..];
        var unknownField = text + "- id: extra\n  name: 额外材料\n  kind: copy\n  form: paper\n  necessity: required\n  source: applicant\n  when: form.noSuchField == 1\n";

        var typoResult = await OkAsync(SendAsync(editor, HttpMethod.Post, $"/api/designer/items/{Teacher}/materials/validate", new JsonObject { ["text"] = typo }));
        var fieldResult = await OkAsync(SendAsync(editor, HttpMethod.Post, $"/api/designer/items/{Teacher}/materials/validate", new JsonObject { ["text"] = unknownField }));

        Assert.False(typoResult["valid"]!.GetValue<bool>());
        var typoDiagnostic = typoResult["diagnostics"]!.AsArray().Single()!;
        Assert.Equal("WF1006", typoDiagnostic["code"]!.GetValue<string>());
        Assert.Equal($"definitions/items/{Teacher}/materials.yaml", typoDiagnostic["file"]!.GetValue<string>());
        var typoLine = typo.Split('\n')[typoDiagnostic["line"]!.GetValue<int>() - 1];
        Assert.Equal(typoLine.IndexOf("requird", StringComparison.Ordinal) + 1, typoDiagnostic["column"]!.GetValue<int>());
        Assert.False(fieldResult["valid"]!.GetValue<bool>());
        var fieldDiagnostic = fieldResult["diagnostics"]!.AsArray().Single(d => d!["severity"]!.GetValue<string>() == "error")!;
        Assert.Contains("noSuchField", fieldDiagnostic["message"]!.GetValue<string>());
        Assert.Contains("form.noSuchField", unknownField.Split('\n')[fieldDiagnostic["line"]!.GetValue<int>() - 1]);
        Assert.Equal("material", fieldDiagnostic["element"]!.GetValue<string>());
        Assert.Equal("extra", fieldDiagnostic["element-id"]!.GetValue<string>());
        Assert.Equal(unknownField, fieldResult["canonical"]!.GetValue<string>());
        Assert.Equal("", Git("status", "--porcelain"));
    }

    [Fact]
    public async Task DraftChecklist_ShowsWhichMaterialsApply_ToEachSampleApplicant()
    {
        var editor = await _server.SignInAsync("education-editor");
        var read = await OkAsync(GetAsync(editor, $"/api/designer/items/{Teacher}/materials"));
        var materials = read["model"]!.AsArray().DeepClone().AsArray();
        materials.Add(new JsonObject
        {
            ["id"] = "kindergarten-training", ["name"] = "幼儿园保教培训证明", ["kind"] = "copy", ["form"] = "paper", ["necessity"] = "required",
            ["source"] = "applicant", ["when"] = "form.schoolLevel == 'kindergarten'",
        });
        var samples = new JsonArray
        {
            new JsonObject { ["name"] = "幼儿园", ["applicant"] = new JsonObject { ["type"] = "person" }, ["form"] = new JsonObject { ["schoolLevel"] = "kindergarten" } },
            new JsonObject { ["name"] = "小学", ["applicant"] = new JsonObject { ["type"] = "person" }, ["form"] = new JsonObject { ["schoolLevel"] = "primary" } },
        };

        var result = await OkAsync(SendAsync(editor, HttpMethod.Post, $"/api/designer/items/{Teacher}/checklist", new JsonObject { ["model"] = materials, ["samples"] = samples }));

        bool Applies(int sample) => result["samples"]![sample]!["materials"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "kindergarten-training")!["applies"]!.GetValue<bool>();
        Assert.True(Applies(0));
        Assert.False(Applies(1));
        Assert.DoesNotContain(result["diagnostics"]!.AsArray(), d => d!["severity"]!.GetValue<string>() == "error");
        Assert.Equal("", Git("status", "--porcelain"));
    }

    [Fact]
    public async Task DraftTemplatePreview_RendersThePdf_OrLocatesTheError()
    {
        var admin = await _server.SignInAsync("admin");
        var template = await OkAsync(GetAsync(admin, "/api/designer/templates/notices/acceptance"));
        var lines = template["text"]!.GetValue<string>().Split('\n').ToList();
        lines.Insert(6, "  <p>{{ applicant.nmae }}</p>");

        using var pdf = await admin.PostAsync("/api/designer/templates/notices/acceptance/preview",
            new StringContent(new JsonObject { ["text"] = template["text"]!.GetValue<string>().Replace("受理通知书", "受理通知书（草稿）") }.ToJsonString(), Encoding.UTF8, "application/json"));
        var (status, problem) = await SendAsync(admin, HttpMethod.Post, "/api/designer/templates/notices/acceptance/preview", new JsonObject { ["text"] = string.Join('\n', lines) });

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("WF5002", problem["code"]!.GetValue<string>());
        Assert.Equal("templates/notices/acceptance.sbn", problem["file"]!.GetValue<string>());
        Assert.Equal(7, problem["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task Template_IsSavedByAnAdminWithIfMatch_AndACompileErrorIsRefusedWithItsLocation()
    {
        var admin = await _server.SignInAsync("admin");
        var editor = await _server.SignInAsync("education-editor");
        var read = await OkAsync(GetAsync(admin, "/api/designer/templates/notices/acceptance"));
        var text = read["text"]!.GetValue<string>();
        var etag = read["etag"]!.GetValue<string>();

        var (byEditor, _) = await SendAsync(editor, HttpMethod.Put, "/api/designer/templates/notices/acceptance", new JsonObject { ["text"] = text }, etag);
        var (broken, problem) = await SendAsync(admin, HttpMethod.Put, "/api/designer/templates/notices/acceptance", new JsonObject { ["text"] = text + "{{ if applicant }}\n" }, etag);
        var saved = await OkAsync(SendAsync(admin, HttpMethod.Put, "/api/designer/templates/notices/acceptance", new JsonObject { ["text"] = text.Replace("受理通知书", "受理通知书（样式调整）") }, etag));
        var (stale, _) = await SendAsync(admin, HttpMethod.Put, "/api/designer/templates/notices/acceptance", new JsonObject { ["text"] = text }, etag);
        var changes = await OkAsync(GetAsync(admin, "/api/designer/changes"));

        Assert.Equal(HttpStatusCode.Forbidden, byEditor);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken);
        Assert.Equal("templates/notices/acceptance.sbn", problem["diagnostics"]![0]!["file"]!.GetValue<string>());
        Assert.True(problem["diagnostics"]![0]!["line"]!.GetValue<int>() >= 1);
        Assert.NotEqual(etag, saved["etag"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, stale);
        var change = changes["files"]!.AsArray().Single()!;
        Assert.Equal("templates/notices/acceptance.sbn", change["path"]!.GetValue<string>());
        Assert.Contains("+", change["raw"]!.GetValue<string>());
        Assert.Contains("受理通知书（样式调整）", change["raw"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_CommitsAsTheUser_AndANewCaseUsesTheNewVersion_WhileAnOlderCaseKeepsItsVersion()
    {
        var editor = await _server.SignInAsync("education-editor");
        var clerk = await _server.SignInAsync("clerk-comprehensive-1");
        var set = CaseApi.Definitions(_server);
        var item = set.Item(Teacher)!;
        var (created, older) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, null));
        Assert.True(created.IsSuccessStatusCode, older.ToJsonString());
        var before = (await _server.GetJsonAsync("/api/definitions/status"))["version"]!.GetValue<string>();

        var read = await OkAsync(GetAsync(editor, $"/api/designer/items/{Teacher}/materials"));
        await OkAsync(SendAsync(editor, HttpMethod.Put, $"/api/designer/items/{Teacher}/materials", new JsonObject { ["model"] = IdCardDeferrable(read) }, read["etag"]!.GetValue<string>()));
        var unpublished = await _server.GetJsonAsync($"/api/items/{Teacher}");
        var published = await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "居民身份证可容缺受理" }, key: "publish-1"), HttpStatusCode.Created);
        var retried = await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "居民身份证可容缺受理" }, key: "publish-1"), HttpStatusCode.Created);
        var live = await _server.GetJsonAsync($"/api/items/{Teacher}");
        var (_, newer) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, null));
        var olderNow = await OkAsync(GetAsync(clerk, $"/api/cases/{older["id"]}"));

        static string Necessity(JsonObject view) => view["materials"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "id-card")!["necessity"]!.GetValue<string>();
        Assert.Equal("required", Necessity(unpublished));
        Assert.Equal("deferrable", Necessity(live));
        var version = published["version"]!.GetValue<string>();
        Assert.NotEqual(before, version);
        Assert.Equal(published["commit"]!.GetValue<string>(), retried["commit"]!.GetValue<string>());
        Assert.Equal($"教育局事项编辑 <education-editor@workflows.local>|居民身份证可容缺受理", Git("log", "-1", "--format=%an <%ae>|%s").Trim());
        Assert.Equal($"definitions/items/{Teacher}/materials.yaml", Git("show", "--name-only", "--format=", "HEAD").Trim());
        Assert.Equal("", Git("status", "--porcelain"));
        Assert.Equal(version, newer["case"]!["definitionVersion"]!.GetValue<string>());
        Assert.Equal(before, olderNow["case"]!["definitionVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_ByADepartmentEditor_LeavesTheAdminsDrafts_AndRefusesATreeThatWouldNotValidate()
    {
        var admin = await _server.SignInAsync("admin");
        var editor = await _server.SignInAsync("education-editor");
        // The administrator drafts a new form field; the editor's new material depends on it.
        var form = await OkAsync(GetAsync(admin, $"/api/designer/items/{Teacher}/form"));
        var formModel = form["model"]!.DeepClone().AsObject();
        formModel["fields"]!.AsArray().Add(new JsonObject { ["id"] = "retired", ["label"] = "是否退休教师", ["type"] = "boolean" });
        await OkAsync(SendAsync(admin, HttpMethod.Put, $"/api/designer/items/{Teacher}/form", new JsonObject { ["model"] = formModel }, form["etag"]!.GetValue<string>()));
        var materials = await OkAsync(GetAsync(editor, $"/api/designer/items/{Teacher}/materials"));
        var dependent = materials["text"]!.GetValue<string>() + "- id: retirement-certificate\n  name: 退休证\n  kind: copy\n  form: paper\n  necessity: required\n  source: applicant\n  when: form.retired == true\n";
        var saved = await OkAsync(SendAsync(editor, HttpMethod.Put, $"/api/designer/items/{Teacher}/materials", new JsonObject { ["text"] = dependent }, materials["etag"]!.GetValue<string>()));

        var changes = await OkAsync(GetAsync(editor, "/api/designer/changes"));
        var (refused, problem) = await SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "新增退休证" });
        var independent = await OkAsync(SendAsync(editor, HttpMethod.Put, $"/api/designer/items/{Teacher}/materials",
            new JsonObject { ["text"] = dependent.Replace("  when: form.retired == true\n", "") }, saved["etag"]!.GetValue<string>()));
        var published = await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "新增退休证" }), HttpStatusCode.Created);
        var (nothing, nothingProblem) = await SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "再次发布" });

        Assert.Equal([$"definitions/items/{Teacher}/materials.yaml"], changes["publishable"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(2, changes["files"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains(problem["diagnostics"]!.AsArray(), d => d!["message"]!.GetValue<string>().Contains("retired"));
        Assert.Equal([$"definitions/items/{Teacher}/materials.yaml"], published["files"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal($"definitions/items/{Teacher}/materials.yaml", Git("show", "--name-only", "--format=", "HEAD").Trim());
        Assert.Equal($" M definitions/items/{Teacher}/form.yaml", Git("status", "--porcelain").TrimEnd());
        Assert.NotNull(independent["etag"]);
        Assert.Equal(HttpStatusCode.Conflict, nothing);
        Assert.Equal("WF9412", nothingProblem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task DepartmentEditor_EditsOnlyItsOwnItemsGuidesAndMaterials()
    {
        var editor = await _server.SignInAsync("education-editor");
        var clerk = await _server.SignInAsync("clerk-comprehensive-1");
        var own = await OkAsync(GetAsync(editor, $"/api/designer/items/{Teacher}/workflow"));
        var guide = await OkAsync(GetAsync(editor, $"/api/designer/items/{Teacher}/guide"));
        var movedAway = guide["text"]!.GetValue<string>().Replace("department: education", "department: water");

        var list = await OkAsync(GetAsync(editor, "/api/designer/items"));
        var (otherRead, otherProblem) = await GetAsync(editor, "/api/designer/items/water-permit");
        var (otherSave, _) = await SendAsync(editor, HttpMethod.Put, "/api/designer/items/water-permit/materials", new JsonObject { ["text"] = "[]" }, "*");
        var (workflowSave, _) = await SendAsync(editor, HttpMethod.Put, $"/api/designer/items/{Teacher}/workflow", new JsonObject { ["text"] = own["text"]!.GetValue<string>() }, own["etag"]!.GetValue<string>());
        var (handOver, _) = await SendAsync(editor, HttpMethod.Put, $"/api/designer/items/{Teacher}/guide", new JsonObject { ["text"] = movedAway }, guide["etag"]!.GetValue<string>());
        var (create, _) = await SendAsync(editor, HttpMethod.Post, "/api/designer/items", new JsonObject { ["id"] = "x", ["name"] = "x", ["department"] = "education" });
        var (clerkList, clerkProblem) = await GetAsync(clerk, "/api/designer/items");
        var (anonymous, anonymousProblem) = await GetAsync(_server.Http, "/api/designer/items");

        Assert.All(list["items"]!.AsArray(), i => Assert.Equal("education", i!["department"]!.GetValue<string>()));
        Assert.Equal(["guide", "materials"], list["items"]![0]!["editable"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.False(own["editable"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, otherRead);
        Assert.Equal("WF9403", otherProblem["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, otherSave);
        Assert.Equal(HttpStatusCode.Forbidden, workflowSave);
        Assert.Equal(HttpStatusCode.Forbidden, handOver);
        Assert.Equal(HttpStatusCode.Forbidden, create);
        Assert.Equal(HttpStatusCode.Forbidden, clerkList);
        Assert.Equal("WF9403", clerkProblem["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal("WF9401", anonymousProblem["code"]!.GetValue<string>());
        Assert.Equal("", Git("status", "--porcelain"));
    }

    [Fact]
    public async Task History_ListsEachPublish_AndDiffsAnyTwoVersions()
    {
        var editor = await _server.SignInAsync("education-editor");
        var read = await OkAsync(GetAsync(editor, $"/api/designer/items/{Teacher}/guide"));
        var first = read["text"]!.GetValue<string>().Replace("promised: 15wd", "promised: 12wd");
        var saved = await OkAsync(SendAsync(editor, HttpMethod.Put, $"/api/designer/items/{Teacher}/guide", new JsonObject { ["text"] = first }, read["etag"]!.GetValue<string>()));
        var pending = await OkAsync(GetAsync(editor, "/api/designer/changes"));
        await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "承诺时限缩短为12个工作日" }), HttpStatusCode.Created);
        await OkAsync(SendAsync(editor, HttpMethod.Put, $"/api/designer/items/{Teacher}/guide", new JsonObject { ["text"] = first.Replace("promised: 12wd", "promised: 10wd") }, saved["etag"]!.GetValue<string>()));
        await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "承诺时限缩短为10个工作日" }), HttpStatusCode.Created);

        var history = await OkAsync(GetAsync(editor, $"/api/designer/items/{Teacher}/history"));
        var commits = history["commits"]!.AsArray();
        var oldest = commits[^1]!["commit"]!.GetValue<string>();
        var newest = commits[0]!["commit"]!.GetValue<string>();
        var diff = await OkAsync(GetAsync(editor, $"/api/designer/items/{Teacher}/diff?from={oldest}&to={newest}"));
        var (badRevision, _) = await GetAsync(editor, $"/api/designer/items/{Teacher}/diff?from=no-such-commit");

        var change = pending["files"]!.AsArray().Single()!;
        Assert.Equal($"definitions/items/{Teacher}/guide.yaml", change["path"]!.GetValue<string>());
        Assert.Contains(change["semantic"]!.AsArray(), c => c!.GetValue<string>().Contains("12 工作日"));
        Assert.Contains("+  promised: 12wd", change["raw"]!.GetValue<string>());
        Assert.Equal(["承诺时限缩短为10个工作日", "承诺时限缩短为12个工作日", "导入示例县定义 (import the sample county)"], commits.Select(c => c!["message"]!.GetValue<string>()));
        Assert.Equal("教育局事项编辑", commits[0]!["author"]!.GetValue<string>());
        var file = diff["files"]!.AsArray().Single()!;
        Assert.Contains(file["semantic"]!.AsArray(), c => c!.GetValue<string>().Contains("10 工作日"));
        Assert.Contains("-  promised: 15wd", file["raw"]!.GetValue<string>());
        Assert.Contains("+  promised: 10wd", file["raw"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, badRevision);
    }

    [Fact]
    public async Task Catalogue_CreatesFromAStarter_Duplicates_AndRetires_AndARetiredItemIsNotReceived()
    {
        var admin = await _server.SignInAsync("admin");
        var waterEditor = await _server.SignInAsync("water-editor");
        var clerk = await _server.SignInAsync("clerk-comprehensive-2");

        var created = await OkAsync(SendAsync(admin, HttpMethod.Post, "/api/designer/items",
            new JsonObject { ["id"] = "well-drilling", ["name"] = "取水井施工备案", ["department"] = "water", ["type"] = "confirmation" }, key: "create-1"), HttpStatusCode.Created);
        var again = await OkAsync(SendAsync(admin, HttpMethod.Post, "/api/designer/items",
            new JsonObject { ["id"] = "well-drilling", ["name"] = "取水井施工备案", ["department"] = "water", ["type"] = "confirmation" }, key: "create-1"), HttpStatusCode.Created);
        var (exists, _) = await SendAsync(admin, HttpMethod.Post, "/api/designer/items",
            new JsonObject { ["id"] = "well-drilling", ["name"] = "重复", ["department"] = "water" });
        var service = await OkAsync(SendAsync(admin, HttpMethod.Post, "/api/designer/items",
            new JsonObject { ["id"] = "water-info", ["name"] = "水资源信息查询", ["department"] = "water", ["type"] = "public-service" }), HttpStatusCode.Created);
        var copy = await OkAsync(SendAsync(admin, HttpMethod.Post, "/api/designer/items/water-permit/duplicate",
            new JsonObject { ["id"] = "water-permit-renewal", ["name"] = "取水许可延续" }), HttpStatusCode.Created);
        var retired = await OkAsync(SendAsync(waterEditor, HttpMethod.Post, "/api/designer/items/water-permit/retire", new JsonObject { ["note"] = "2027年起并入取水许可延续" }));
        var catalogue = await OkAsync(GetAsync(admin, "/api/designer/items?department=water"));
        await OkAsync(SendAsync(admin, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "新增取水井备案、取水许可延续，停用取水许可" }), HttpStatusCode.Created);
        var items = (await _server.GetJsonAsync("/api/items"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        var set = CaseApi.Definitions(_server);
        var (refused, problem) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(set.Item("water-permit")!, null));

        Assert.DoesNotContain(created["diagnostics"]!.AsArray(), d => d!["severity"]!.GetValue<string>() == "error");
        Assert.Equal(created["files"]!["guide"]!["etag"]!.GetValue<string>(), again["files"]!["guide"]!["etag"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, exists);
        Assert.Contains("type: confirmation", created["files"]!["guide"]!["text"]!.GetValue<string>());
        Assert.Contains("review:", created["files"]!["workflow"]!["text"]!.GetValue<string>());
        Assert.Contains("kind: notify", service["files"]!["workflow"]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("review:", service["files"]!["workflow"]!["text"]!.GetValue<string>());
        Assert.StartsWith("name: 取水许可延续\n", copy["files"]!["guide"]!["text"]!.GetValue<string>());
        Assert.Contains("status: retired\nstatus-note: 2027年起并入取水许可延续\n", retired["guide"]!["text"]!.GetValue<string>());
        var rows = catalogue["items"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!);
        Assert.True(rows["water-permit"]!["retired"]!.GetValue<bool>());
        Assert.True(rows["well-drilling"]!["pending"]!.GetValue<bool>());
        Assert.Contains("well-drilling", items);
        Assert.Contains("water-info", items);
        Assert.Contains("water-permit-renewal", items);
        Assert.DoesNotContain("water-permit", items);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("WF9410", problem["code"]!.GetValue<string>());
        Assert.Equal("", Git("status", "--porcelain"));
    }
}
