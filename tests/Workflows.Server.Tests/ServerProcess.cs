using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Process = System.Diagnostics.Process;

namespace Workflows.Server.Tests;

/// <summary>
/// <c>workflows serve</c> as a process of its own on a free loopback port, for the tests that need
/// a real process: killed with SIGKILL (no shutdown, no drain), restarted on the same data folder,
/// or run twice on one PostgreSQL database. Its log is kept for assertions and failure messages.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly Regex Listening = new(@"Now listening on: (http://\S+)");
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An anonymous client that sends the write header the web UI sends.</summary>
    public HttpClient Http { get; private set; } = null!;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    // The server built in the same configuration as the tests (Release under test.sh).
    private static string ServerDll => Path.Combine(Repo.Root, "server", "Workflows.Server", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug",
        "net10.0", "Workflows.Server.dll");

    /// <summary>
    /// Starts <c>serve --definitions {county} --data {data}</c> (plus <c>--postgres</c> when given, and
    /// <paramref name="extra"/> flags) and returns once it listens. Fails with the log if it exits first.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(Repo.SampleCounty county, string data, string? postgres = null, params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = county.Root,
        };
        var args = new List<string> { ServerDll, "serve", "--definitions", county.Definitions, "--data", data, "--urls", "http://127.0.0.1:0" };
        if (postgres is not null) args.AddRange(["--postgres", postgres]);
        args.AddRange(extra);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // The store is the one named here, never one the environment of the test run points at.
        info.Environment.Remove("WORKFLOWS_POSTGRES");
        var name = Path.GetFileName(data);
        var server = new ServerProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, name);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.Exited += (_, _) => server._url.TrySetException(new InvalidOperationException($"{name} exited before listening:\n{server.Output}"));
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server.BaseAddress = new Uri(await server._url.Task.WaitAsync(TimeSpan.FromSeconds(90)));
        server.Http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Http.DefaultRequestHeaders.Add(Security.CrossSiteWriteGuard.HeaderName, "1");
        return server;
    }

    /// <summary>A client with its own cookie jar, signed in as a demo account (started with <c>--demo</c>).</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add(Security.CrossSiteWriteGuard.HeaderName, "1");
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Auth.DemoAccounts.Password });
        Assert.True(response.IsSuccessStatusCode, $"{Name}: sign-in {userName}: {(int)response.StatusCode}\n{Output}");
        return client;
    }

    /// <summary>Moves the clock of a server started with <c>--test-clock</c>; answers once the timers due then have fired.</summary>
    public async Task MoveClockAsync(string now)
    {
        var response = await Http.PostAsJsonAsync("/api/test/clock", new { now });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Name}: {response.StatusCode}\n{Output}");
    }

    /// <summary>How many times the log says this (e.g. a timer id after "timer fired").</summary>
    public int Occurrences(string needle) => Regex.Matches(Output, Regex.Escape(needle)).Count;

    /// <summary>Waits until the log satisfies the condition, failing with the log after the timeout.</summary>
    public async Task WaitForLogAsync(Func<string, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Output))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Name}: {what} not seen within {timeout.TotalSeconds} s\n{Output}");
            Assert.False(_process.HasExited, $"{Name} exited while waiting for {what}\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown, no drain; whatever is in flight is lost with the process.</summary>
    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (Listening.Match(line) is { Success: true } match) _url.TrySetResult(match.Groups[1].Value);
    }

    public ValueTask DisposeAsync()
    {
        Http?.Dispose();
        KillHard();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
