using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Workflows.Benchmarks.Cases;

/// <summary>
/// The real server as its own process (<c>Workflows.Server.dll serve --demo</c> on a data folder),
/// and the intake request against it: a clerk signed in with a cookie posts <c>POST /api/cases</c>
/// (receipt and acceptance in one call) one request at a time; each request is timed from send to
/// the end of the response body.
/// </summary>
public sealed class IntakeRun : IAsyncDisposable
{
    private readonly Process _server;
    private readonly HttpClient _client;
    private readonly Task<string> _log;

    private IntakeRun(Process server, HttpClient client, Task<string> log)
    {
        _server = server;
        _client = client;
        _log = log;
    }

    public static async Task<IntakeRun> StartAsync(string serverDll, string definitions, string data)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { serverDll, "serve", "--definitions", definitions, "--data", data, "--demo", "--urls", url }) info.ArgumentList.Add(a);
        var server = Process.Start(info)!;
        var log = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Add("X-Workflows-Request", "1"); // the server refuses writes without it (no cross-site forms)
        var run = new IntakeRun(server, client, log);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (attempt < 600 && !server.HasExited)
            {
            }
            if (server.HasExited) throw new InvalidOperationException($"server exited ({server.ExitCode}): {await log}");
            await Task.Delay(100);
        }
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk-comprehensive-2", password = "demo2026" });
        if (!login.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        return run;
    }

    /// <summary>Warms up, then times <paramref name="requests"/> intakes; returns the sorted latencies in ms.</summary>
    public async Task<double[]> MeasureAsync(int warmUp, int requests)
    {
        for (var i = 0; i < warmUp; i++) await OneAsync();
        var times = new double[requests];
        for (var i = 0; i < requests; i++) times[i] = await OneAsync();
        Array.Sort(times);
        return times;
    }

    private async Task<double> OneAsync()
    {
        var body = LifecycleCounty.IntakeRequest();
        var watch = Stopwatch.StartNew();
        using var response = await _client.PostAsJsonAsync("/api/cases", body);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Created || !text.Contains("\"status\":\"in-progress\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"intake: {(int)response.StatusCode} {text[..Math.Min(600, text.Length)]}");
        return elapsed;
    }

    public Uri Address => _client.BaseAddress!;

    public static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_server.HasExited)
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }
        _server.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
