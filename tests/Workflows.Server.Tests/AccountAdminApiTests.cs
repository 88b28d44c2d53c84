using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>
/// 账号管理 through the real server: the administrator creates, disables and resets staff accounts;
/// a new or reset password must be changed at the next sign-in before anything else is allowed.
/// </summary>
public class AccountAdminApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static object NewClerk(string password = "Window2026!") => new
    {
        userName = "wang-fang", displayName = "王芳", password, roles = new[] { "clerk" }, department = (string?)null, window = "comprehensive-1",
    };

    [Fact]
    public async Task CreatedAccount_SignsIn_MustChangeItsPassword_ThenWorks_AndShowsItsLastSignIn()
    {
        var admin = await _server.SignInAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/admin/users", NewClerk());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var clerk = await _server.SignInAsync("wang-fang", "Window2026!");
        var blocked = await clerk.GetAsync("/api/items");
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("WF9606", (await blocked.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.True((await clerk.GetFromJsonAsync<JsonObject>("/api/account"))!["mustChangePassword"]!.GetValue<bool>());

        var weak = await clerk.PostAsJsonAsync("/api/account/password", new { currentPassword = "Window2026!", newPassword = "1234567890" });
        Assert.Equal("WF9602", (await weak.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        var changed = await clerk.PostAsJsonAsync("/api/account/password", new { currentPassword = "Window2026!", newPassword = "my-own-2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/items")).StatusCode);

        var list = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/users"))!["users"]!.AsArray();
        var row = list.Single(u => u!["userName"]!.GetValue<string>() == "wang-fang")!;
        Assert.Equal("王芳", row["displayName"]!.GetValue<string>());
        Assert.False(row["mustChangePassword"]!.GetValue<bool>());
        Assert.NotNull(row["lastSignInAt"]);
        Assert.Equal("综合受理1号窗口", row["windowName"]!.GetValue<string>());
    }

    [Fact]
    public async Task People_GivesEverySignedInUserTheDisplayNames_AndNothingMore()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Http.GetAsync("/api/people")).StatusCode);
        var reviewer = await _server.SignInAsync("education-reviewer");

        var people = (await reviewer.GetFromJsonAsync<JsonObject>("/api/people"))!["people"]!.AsArray();

        var row = people.Single(p => p!["userName"]!.GetValue<string>() == "education-reviewer")!.AsObject();
        Assert.NotEqual("education-reviewer", row["displayName"]!.GetValue<string>());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", row["displayName"]!.GetValue<string>());
        Assert.Equal(["displayName", "userName"], row.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("short1A", "WF9601")]
    [InlineData("abcdefghijkl", "WF9602")]
    [InlineData("12345678901", "WF9602")]
    public async Task WeakPassword_IsRefusedWithItsCodeAndAChineseMessage(string password, string code)
    {
        var admin = await _server.SignInAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/admin/users", NewClerk(password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Contains("密码", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Http.PostAsJsonAsync("/api/auth/login", new { userName = "wang-fang", password })).StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn_AndResetForcesAChange()
    {
        var admin = await _server.SignInAsync("admin");
        await admin.PostAsJsonAsync("/api/admin/users", NewClerk());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/users/wang-fang/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Http.PostAsJsonAsync("/api/auth/login", new { userName = "wang-fang", password = "Window2026!" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/users/wang-fang/enable", null)).StatusCode);
        var reset = await admin.PostAsJsonAsync("/api/admin/users/wang-fang/reset-password", new { password = "Temporary-2026" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var clerk = await _server.SignInAsync("wang-fang", "Temporary-2026");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/items")).StatusCode);
    }

    [Fact]
    public async Task NonAdmin_CannotListOrCreate_AndDuplicatesOrUnknownWindowsAreRefused()
    {
        var clerk = await _server.SignInAsync("clerk-comprehensive-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/admin/users", NewClerk())).StatusCode);

        var admin = await _server.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/users", NewClerk())).StatusCode);
        var again = await admin.PostAsJsonAsync("/api/admin/users", NewClerk());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("WF9604", (await again.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        var unknown = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "li-lei", displayName = "李雷", password = "Window2026!", roles = new[] { "clerk" }, window = "no-such-window" });
        Assert.Equal("WF9608", (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }
}
