using System.Net;
using System.Text.Json.Nodes;
using static Workflows.Server.Tests.DesignerHttp;

namespace Workflows.Server.Tests;

/// <summary>
/// 工作日历 in the designer against the real server on a real county repository: a new year's
/// schedule is refused with located errors by the definitions validator's rules, saved as
/// canonical YAML, published through the designer's publish, and then counted by
/// <c>GET /api/calendar/workdays</c> and <c>workflows workdays</c> on the work tree.
/// </summary>
public class DesignerCalendarApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true, workTree: true);
    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>2028 with 国庆节 10/1–10/8 and a make-up workday (a Saturday unless told otherwise).</summary>
    private static JsonObject Year2028(string makeUp = "2028-10-14") => new()
    {
        ["model"] = new JsonObject
        {
            ["year"] = 2028,
            ["source"] = "国务院办公厅关于2028年部分节假日安排的通知",
            ["holidays"] = new JsonArray(new JsonObject { ["name"] = "国庆节", ["from"] = "2028-10-01", ["to"] = "2028-10-08" }),
            ["make-up-workdays"] = new JsonArray(new JsonObject { ["date"] = makeUp, ["for"] = "国庆节" }),
        },
    };

    private string CalendarFile => Path.Combine(_server.CountyRepository, "definitions/calendars/2028.yaml");

    [Fact]
    public async Task AWeekdayMakeUpDay_IsRefusedWithItsLineAndColumn_AndNothingIsWritten()
    {
        var admin = await _server.SignInAsync("admin");

        var (status, problem) = await SendAsync(admin, HttpMethod.Put, "/api/designer/calendars/2028", Year2028(makeUp: "2028-10-09"));
        var check = await OkAsync(SendAsync(admin, HttpMethod.Post, "/api/designer/calendars/2028/validate", Year2028(makeUp: "2028-10-09")));
        var (twiceStatus, twice) = await SendAsync(admin, HttpMethod.Put, "/api/designer/calendars/2028", new JsonObject
        {
            ["text"] = "year: 2028\nholidays:\n  - name: 国庆节\n    from: 2028-10-01\n    to: 2028-10-08\n  - name: 国庆节\n    from: 2028-10-08\n    to: 2028-10-08\n",
        });
        var (outsideStatus, outside) = await SendAsync(admin, HttpMethod.Put, "/api/designer/calendars/2028", Year2028(makeUp: "2029-01-06"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("WF9421", problem["code"]!.GetValue<string>());
        var diagnostic = problem["diagnostics"]!.AsArray().Single()!;
        Assert.Equal("definitions/calendars/2028.yaml", diagnostic["file"]!.GetValue<string>());
        Assert.Contains("周一", diagnostic["message"]!.GetValue<string>());
        // The canonical text puts make-up-workdays after the holidays: "- date:" is on line 8.
        Assert.Equal(8, diagnostic["line"]!.GetValue<int>());
        Assert.True(diagnostic["column"]!.GetValue<int>() > 1);
        Assert.Equal("make-up-workday", diagnostic["element"]!.GetValue<string>());
        Assert.Equal("0", diagnostic["element-id"]!.GetValue<string>());
        Assert.False(check["valid"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twiceStatus);
        Assert.Contains(twice["diagnostics"]!.AsArray(), d => d!["message"]!.GetValue<string>().Contains("2028-10-08 已列在另一个假期中") && d["line"]!.GetValue<int>() == 7 && d["element-id"]!.GetValue<string>() == "1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outsideStatus);
        Assert.Contains("不在 2028 年内", outside["diagnostics"]!.AsArray().Single()!["message"]!.GetValue<string>());
        Assert.False(File.Exists(CalendarFile));
    }

    [Fact]
    public async Task AnAdminAddsAYear_PublishesIt_AndWorkdaysSkipItsHoliday()
    {
        var admin = await _server.SignInAsync("admin");
        var editor = await _server.SignInAsync("education-editor");
        var before = await _server.GetJsonAsync("/api/calendar/workdays?from=2028-09-29&days=1");

        var (refused, _) = await SendAsync(editor, HttpMethod.Put, "/api/designer/calendars/2028", Year2028());
        var created = await OkAsync(SendAsync(admin, HttpMethod.Put, "/api/designer/calendars/2028", Year2028()), HttpStatusCode.Created);
        var (again, _) = await SendAsync(admin, HttpMethod.Put, "/api/designer/calendars/2028", Year2028());
        var listed = await OkAsync(SendAsync(admin, HttpMethod.Get, "/api/designer/calendars"));
        var notYet = await _server.GetJsonAsync("/api/calendar/workdays?from=2028-09-29&days=1");
        var published = await OkAsync(SendAsync(admin, HttpMethod.Post, "/api/designer/publish", new JsonObject
        {
            ["message"] = "2028年节假日安排", ["files"] = new JsonArray("definitions/calendars/2028.yaml"),
        }), HttpStatusCode.Created);
        var after = await _server.GetJsonAsync("/api/calendar/workdays?from=2028-09-29&days=1");
        var cli = Repo.Cli(_server.CountyRepository, "workdays", "2028-09-29", "1");

        // Before: 2028 is counted from the statutory holidays (10/1–3), provisional.
        Assert.Equal("2028-10-04", before["due"]!.GetValue<string>());
        Assert.True(before["provisional"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("- name: 国庆节", created["text"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode)428, again);
        var row = listed["years"]!.AsArray().Single(y => y!["year"]!.GetValue<int>() == 2028)!;
        Assert.False(row["published"]!.GetValue<bool>());
        Assert.True(row["pending"]!.GetValue<bool>());
        Assert.Equal("2028-10-04", notYet["due"]!.GetValue<string>());
        Assert.Equal(["definitions/calendars/2028.yaml"], published["files"]!.AsArray().Select(f => f!.GetValue<string>()));
        // After: the published 国庆节 runs to 10/8, so the next working day is Monday 10/9, and it is firm.
        Assert.Equal("2028-10-09", after["due"]!.GetValue<string>());
        Assert.False(after["provisional"]!.GetValue<bool>());
        Assert.Contains(2028, after["publishedYears"]!.AsArray().Select(y => y!.GetValue<int>()));
        Assert.Equal(0, cli.ExitCode);
        Assert.Equal("2028-10-09", cli.Out.Trim());
    }
}
