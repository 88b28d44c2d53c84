using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Server.Tests;

/// <summary>
/// Every case endpoint against every kind of account, on a 农业农村局 case received at window 2:
/// the status each must get. A 水务局 reviewer must not even learn that the case exists (404).
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.SharedServer shared) : IClassFixture<AuthorizationMatrixTests.SharedServer>, IAsyncLifetime
{
    private const string Item = "agri-machinery-registration";
    private string _caseId = "";

    /// <summary>One server and one signed-in client per account for all rows; each row gets a fresh case.</summary>
    public sealed class SharedServer : IAsyncLifetime
    {
        public RunningServer Server { get; private set; } = null!;
        public Dictionary<string, HttpClient> Clients { get; } = [];

        public async Task InitializeAsync() => Server = await RunningServer.StartAsync(demo: true);

        public async Task DisposeAsync()
        {
            foreach (var client in Clients.Values) client.Dispose();
            await Server.DisposeAsync();
        }
    }

    private RunningServer _server => shared.Server;
    private Dictionary<string, HttpClient> _clients => shared.Clients;

    // anonymous, admin, supervisor, clerk at the item's window, clerk elsewhere, reviewer of the department,
    // reviewer of another department, head of the department, the department's definitions editor.
    private static readonly string[] Accounts =
        ["", "admin", "supervisor", "clerk-comprehensive-2", "clerk-comprehensive-1", "agriculture-reviewer", "water-reviewer", "agriculture-head", "agriculture-editor"];

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        void Row(string request, params int[] expected)
        {
            for (var i = 0; i < Accounts.Length; i++) data.Add(request, Accounts[i], expected[i].ToString());
        }
        //                                   anon admin sup  clerk2 clerk1 agriRev waterRev agriHead editor
        Row("GET /api/cases",                 401, 200, 200, 200,   200,   200,    200,     200,     403);
        Row("GET /api/cases/{id}",            401, 200, 200, 200,   404,   200,    404,     200,     404);
        Row("GET /api/cases/{id}/timeline",   401, 200, 200, 200,   404,   200,    404,     200,     404);
        Row("GET /api/cases/{id}/definition", 401, 200, 200, 200,   404,   200,    404,     200,     404);
        Row("POST /api/cases",                401, 201, 403, 201,   403,   403,    403,     403,     403);
        Row("POST /api/cases/{id}/urge",      401, 200, 200, 403,   404,   403,    404,     200,     404);
        Row("POST /api/cases/{id}/extend",    401, 200, 403, 403,   404,   403,    404,     200,     404);
        Row("POST /api/cases/{id}/withdraw",  401, 200, 403, 200,   404,   403,    404,     403,     404);
        Row("POST /api/cases/{id}/claim",     401, 422, 403, 422,   404,   200,    404,     422,     404);
        Row("GET /api/tasks",                 401, 200, 200, 200,   200,   200,    200,     200,     403);
        Row("GET /api/supervision",           401, 200, 200, 403,   403,   403,    403,     200,     403);
        return data;
    }

    public async Task InitializeAsync()
    {
        var item = CaseApi.Definitions(_server).Item(Item)!;
        var (_, view) = await CaseApi.PostAsync(await As("clerk-comprehensive-2"), "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }));
        _caseId = view["id"]!.GetValue<string>();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> As(string account) =>
        _clients.TryGetValue(account, out var client) ? client
        : _clients[account] = account == "" ? new HttpClient { BaseAddress = _server.Http.BaseAddress, DefaultRequestHeaders = { { Security.CrossSiteWriteGuard.HeaderName, "1" } } } : await _server.SignInAsync(account);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_AnsweredPerRole(string request, string account, string expected)
    {
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1].Replace("{id}", _caseId));
        var client = await As(account);
        HttpResponseMessage response;
        if (method == "GET")
        {
            response = await client.GetAsync(path);
        }
        else
        {
            var body = path.EndsWith("/api/cases", StringComparison.Ordinal)
                ? CaseApi.NewCase(CaseApi.Definitions(_server).Item(Item)!, null)
                : new JsonObject
                {
                    ["message"] = "请加快办理", ["workingDays"] = 1, ["approver"] = "局长", ["reason"] = "测试", ["taskId"] = "t1",
                };
            response = await client.PostAsync(path, JsonContent.Create(body));
        }
        Assert.True(((int)response.StatusCode).ToString() == expected,
            $"{request} as '{account}': expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            Assert.StartsWith("WF94", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }
}
