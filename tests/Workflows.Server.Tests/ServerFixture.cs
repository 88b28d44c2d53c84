using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Workflows.Server.Cli;

namespace Workflows.Server.Tests;

/// <summary>The real server on a loopback port, serving a private copy of the sample county.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    public Repo.SampleCounty County { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    private RunningServer(WebApplication app, Repo.SampleCounty county)
    {
        _app = app;
        County = county;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        // What the web UI sends with every write (the server refuses writes without it: no cross-site forms).
        Http.DefaultRequestHeaders.Add(Security.CrossSiteWriteGuard.HeaderName, "1");
    }

    /// <summary>The county repository (<c>data/county</c>) when started with <c>workTree: true</c>: what the designer edits and publishes.</summary>
    public string CountyRepository => Hosting.CountyWorkTree.Root(Path.Combine(County.Root, "data"));

    /// <param name="workTree">
    /// Serve the way <c>./run.sh</c> does: the sample county committed into <c>data/county</c> as a git
    /// repository of its own, the published version (HEAD) served, the designer enabled. Otherwise the
    /// copy is served directly (<c>--definitions</c>), reloading on every file change.
    /// </param>
    public static async Task<RunningServer> StartAsync(Action<Repo.SampleCounty>? prepare = null, bool demo = false,
        Func<Hosting.ServerOptions, Hosting.ServerOptions>? configure = null, bool workTree = false)
    {
        var county = new Repo.SampleCounty();
        prepare?.Invoke(county);
        var data = Path.Combine(county.Root, "data");
        if (workTree) Hosting.CountyWorkTree.Seed(data, county.Definitions, Path.Combine(county.Root, "templates"));
        var options = new Hosting.ServerOptions(workTree ? null : county.Definitions, null, data, "http://127.0.0.1:0", Demo: demo)
        {
            SeedDemoCases = false,
        };
        if (configure is not null) options = configure(options);
        var app = ServeCommand.Build(options, out var error) ?? throw new InvalidOperationException(error);
        await app.StartAsync();
        return new RunningServer(app, county);
    }

    /// <summary>A client with its own cookie jar, signed in as a demo account (server started with demo: true).</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = Auth.DemoAccounts.Password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = Http.BaseAddress };
        client.DefaultRequestHeaders.Add(Security.CrossSiteWriteGuard.HeaderName, "1");
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public async Task<JsonObject> GetJsonAsync(string path) =>
        (await Http.GetFromJsonAsync<JsonObject>(path))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        County.Dispose();
    }
}
