using System.Net;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Server.Tests;

/// <summary>
/// The server checks the 申请表 with the browser's rules: an invalid form gets 400 with every
/// field's problem as {field, code, message}, and nothing is stored (no case, no number used).
/// </summary>
public sealed class FormCheckApiTests : IAsyncLifetime
{
    private const string Teacher = "teacher-qualification";
    private RunningServer _server = null!;
    private DefinitionSet _set = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(demo: true);
        _set = CaseApi.Definitions(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonObject Body)> SubmitAsync(string itemId, Action<JsonObject> change)
    {
        var item = _set.Item(itemId)!;
        var body = CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" });
        change(body["form"]!.AsObject());
        using var clerk = await _server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(_set, item));
        var (response, answer) = await CaseApi.PostAsync(clerk, "/api/cases", body);
        return (response.StatusCode, answer);
    }

    private static IReadOnlyList<(string Field, string Code)> Errors(JsonObject problem) =>
        problem["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())).ToList();

    [Fact]
    public async Task Intake_WithARequiredFieldMissing_Is400NamingThatField_AndStoresNothing()
    {
        var required = _set.Item(Teacher)!.Form!.Fields.First(f => f.Required == true && f.When is null);
        var before = await CountCasesAsync();
        var (status, problem) = await SubmitAsync(Teacher, form => form.Remove(required.Id));
        Assert.True(status == HttpStatusCode.BadRequest, problem.ToJsonString());
        Assert.Equal("WF9420", problem["code"]!.GetValue<string>());
        Assert.Contains((required.Id, "required"), Errors(problem));
        Assert.Equal(before, await CountCasesAsync());
    }

    [Fact]
    public async Task Intake_WithWrongTypesUnknownKeysAndTooLongText_ListsEveryProblem()
    {
        var fields = _set.Item(Teacher)!.Form!.Fields;
        var text = fields.First(f => f.Type == FieldType.Text && f.When is null);
        var select = fields.First(f => f.Type == FieldType.Select && f.When is null);
        var (status, problem) = await SubmitAsync(Teacher, form =>
        {
            form[text.Id] = 42;
            form[select.Id] = "no-such-option";
            form["__proto__"] = new JsonObject { ["admin"] = true };
            form["notAField"] = "x";
        });
        Assert.True(status == HttpStatusCode.BadRequest, problem.ToJsonString());
        var errors = Errors(problem);
        Assert.Contains((text.Id, "type"), errors);
        Assert.Contains((select.Id, "option"), errors);
        Assert.Contains(("__proto__", "unknown-field"), errors);
        Assert.Contains(("notAField", "unknown-field"), errors);
    }

    [Fact]
    public async Task Intake_WithAValidForm_IsStored()
    {
        var (status, view) = await SubmitAsync(Teacher, _ => { });
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, view.ToJsonString());
    }

    private async Task<int> CountCasesAsync()
    {
        using var admin = await _server.SignInAsync("admin");
        var page = JsonNode.Parse(await admin.GetStringAsync("/api/cases?take=200"))!;
        return page["items"]!.AsArray().Count;
    }
}
