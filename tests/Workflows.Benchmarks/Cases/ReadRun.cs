using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Workflows.Benchmarks.Cases;

/// <summary>
/// The read side on a running server, after the intakes: a department's task inbox (first page) as
/// the agriculture reviewer, case search by applicant name as the clerk, and supervision's view and
/// report as the supervisor; each request timed from send to the end of the body.
/// </summary>
public static class ReadRun
{
    public sealed record Figures(double InboxP95, int InboxTotal, double SearchP95, double SupervisionMs, double ReportMs);

    private const int InboxRequests = 200;
    private const int SearchRequests = 300;
    private const int SupervisionRequests = 5;
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] Given = ["建国", "秀英", "桂兰", "志强", "丽娟", "海燕", "玉珍", "国庆"];

    public static async Task<Figures> MeasureAsync(Uri server)
    {
        using var reviewer = await SignInAsync(server, "agriculture-reviewer");
        using var clerk = await SignInAsync(server, "clerk-comprehensive-2");
        using var supervisor = await SignInAsync(server, "supervisor");

        var inboxTotal = 0;
        var inbox = await TimeAsync(reviewer, InboxRequests, _ => "/api/tasks?scope=department", body =>
        {
            inboxTotal = body.GetProperty("total").GetInt32();
        });
        var search = await TimeAsync(clerk, SearchRequests,
            i => "/api/cases?applicant=" + Uri.EscapeDataString(Surnames[i % Surnames.Length] + Given[i / Surnames.Length % Given.Length]), _ => { });
        var supervision = await TimeAsync(supervisor, SupervisionRequests, _ => "/api/supervision", _ => { });
        var report = await TimeAsync(supervisor, SupervisionRequests, _ => "/api/supervision/report", _ => { });
        return new Figures(IntakeRun.Percentile(inbox, 0.95), inboxTotal, IntakeRun.Percentile(search, 0.95),
            IntakeRun.Percentile(supervision, 0.5), IntakeRun.Percentile(report, 0.5));
    }

    /// <summary>One warm-up request, then <paramref name="count"/> timed ones; sorted latencies in ms.</summary>
    private static async Task<double[]> TimeAsync(HttpClient client, int count, Func<int, string> path, Action<System.Text.Json.JsonElement> check)
    {
        await GetAsync(client, path(0), check);
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(client, path(i), check);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static async Task GetAsync(HttpClient client, string path, Action<System.Text.Json.JsonElement> check)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {text[..Math.Min(400, text.Length)]}");
        check(System.Text.Json.JsonDocument.Parse(text).RootElement);
    }

    private static async Task<HttpClient> SignInAsync(Uri server, string userName)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server };
        client.DefaultRequestHeaders.Add("X-Workflows-Request", "1"); // the server refuses writes (sign-in too) without it
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "demo2026" });
        if (!login.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in {userName}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        return client;
    }
}
