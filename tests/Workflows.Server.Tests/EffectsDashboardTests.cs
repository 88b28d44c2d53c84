using System.Net;

namespace Workflows.Server.Tests;

/// <summary>The Hangfire dashboard at <c>/hangfire</c>, behind the cookie session: admins run it, supervisors read it.</summary>
public sealed class EffectsDashboardTests
{
    [Fact]
    public async Task Dashboard_AnswersBySession_401SignedOut_403Clerk_200Admin_ReadOnlyForSupervisors()
    {
        await using var server = await RunningServer.StartAsync(demo: true);

        using var signedOut = await server.Http.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);

        var clerk = await server.SignInAsync("clerk-comprehensive-1");
        using var denied = await clerk.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        var admin = await server.SignInAsync("admin");
        using var page = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Workflows 后台任务", await page.Content.ReadAsStringAsync());
        // In Chinese where Hangfire has the words (its zh resources): the failed jobs page.
        var failed = await admin.GetStringAsync("/hangfire/jobs/failed");
        Assert.Contains("失败的作业", failed);
        Assert.DoesNotContain("Failed Jobs", failed);
        // The recurring sweeps are registered at start; an admin may trigger them, a supervisor may not.
        var adminRecurring = await WaitForRecurringAsync(admin);
        Assert.Contains("timer-sweep", adminRecurring);
        Assert.Contains("js-jobs-list-command", adminRecurring);

        var supervisor = await server.SignInAsync("supervisor");
        using var read = await supervisor.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var supervisorRecurring = await WaitForRecurringAsync(supervisor);
        Assert.Contains("timer-sweep", supervisorRecurring);
        Assert.DoesNotContain("js-jobs-list-command", supervisorRecurring);
    }

    private static async Task<string> WaitForRecurringAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var html = await http.GetStringAsync("/hangfire/recurring");
            if (html.Contains("outbox-sweep", StringComparison.Ordinal) || DateTime.UtcNow > deadline) return html;
            await Task.Delay(200);
        }
    }
}
