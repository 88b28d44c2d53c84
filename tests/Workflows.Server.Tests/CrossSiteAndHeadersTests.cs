using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Server.Security;

namespace Workflows.Server.Tests;

/// <summary>
/// Writes need JSON and the UI's request header (what a forged form cannot send), and every answer
/// carries the security headers. The browser proof is designer/e2e/security.e2e.ts.
/// </summary>
public sealed class CrossSiteAndHeadersTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A client like a browser's form post: cookies, but no custom header.</summary>
    private async Task<HttpClient> BareSignedInAsync(string account)
    {
        var client = await _server.SignInAsync(account);
        client.DefaultRequestHeaders.Remove(CrossSiteWriteGuard.HeaderName);
        return client;
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"]?.GetValue<string>();

    private async Task<string> OpenCaseAsync(HttpClient client)
    {
        var set = CaseApi.Definitions(_server);
        var (response, view) = await CaseApi.PostAsync(await _server.SignInAsync("clerk-comprehensive-2"), "/api/cases",
            CaseApi.NewCase(set.Item("agri-machinery-registration")!, new JsonObject { ["kind"] = "accept" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return view["id"]!.GetValue<string>();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task A_body_that_is_not_JSON_is_refused_with_415_even_with_the_header(string contentType)
    {
        using var supervisor = await _server.SignInAsync("supervisor");
        var id = await OpenCaseAsync(supervisor);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"message\":\"伪造催办\"}"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await supervisor.PostAsync($"/api/cases/{id}/urge", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("WF9415", await CodeOf(response));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var timeline = await supervisor.GetStringAsync($"/api/cases/{id}/timeline");
        Assert.DoesNotContain("伪造催办", timeline);
    }

    [Fact]
    public async Task A_JSON_write_without_the_request_header_is_refused_with_403_and_changes_nothing()
    {
        using var supervisor = await BareSignedInAsync("supervisor");
        var id = await OpenCaseAsync(supervisor);
        var response = await supervisor.PostAsync($"/api/cases/{id}/urge",
            new StringContent("{\"message\":\"伪造催办\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(SecurityProblems.CrossSiteWrite, await CodeOf(response));
        Assert.DoesNotContain("伪造催办", await supervisor.GetStringAsync($"/api/cases/{id}/timeline"));

        // The same request with the header goes through: the refusal above is the header's doing.
        supervisor.DefaultRequestHeaders.Add(CrossSiteWriteGuard.HeaderName, "1");
        var allowed = await supervisor.PostAsync($"/api/cases/{id}/urge",
            new StringContent("{\"message\":\"请尽快办理\"}", Encoding.UTF8, "application/json"));
        Assert.True(allowed.IsSuccessStatusCode, await allowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_in_needs_the_header_too_so_a_form_cannot_sign_a_browser_into_another_account()
    {
        using var bare = new HttpClient { BaseAddress = _server.Http.BaseAddress };
        var response = await bare.PostAsync("/api/auth/login",
            new StringContent("{\"userName\":\"admin\",\"password\":\"demo2026\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_file_upload_keeps_its_own_content_type_but_needs_the_header()
    {
        using var clerk = await _server.SignInAsync("clerk-comprehensive-2");
        var id = await OpenCaseAsync(clerk);
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4 };
        HttpRequestMessage Upload()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/files?name=scan.jpg") { Content = new ByteArrayContent(jpeg) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return request;
        }
        Assert.Equal(HttpStatusCode.Created, (await clerk.SendAsync(Upload())).StatusCode);
        clerk.DefaultRequestHeaders.Remove(CrossSiteWriteGuard.HeaderName);
        var refused = await clerk.SendAsync(Upload());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(SecurityProblems.CrossSiteWrite, await CodeOf(refused));
    }

    [Theory]
    [InlineData("/api/auth/session")]
    [InlineData("/api/items")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await _server.Http.GetAsync(path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'self'", csp);
        // No inline script, ever (the form's condition evaluator still needs eval: see SecurityHeaders).
        Assert.DoesNotContain("unsafe-inline'; style-src", csp);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
        if (path.StartsWith("/api"))
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_page_may_connect_to_its_own_origin_and_the_device_agent_only()
    {
        var page = await _server.Http.GetAsync("/");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        var connect = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("connect-src"));
        // office.yaml's devices.agent (docs/devices.md): exactly that origin, no wildcard, no other host.
        Assert.Equal("connect-src 'self' ws://127.0.0.1:17380", connect);

        using var clerk = await _server.SignInAsync("clerk-comprehensive-2");
        var devices = JsonNode.Parse(await clerk.GetStringAsync("/api/devices"))!;
        Assert.Equal("ws://127.0.0.1:17380", devices["agent"]!.GetValue<string>());
        Assert.Equal(["notice", "certificate"], devices["printers"]!.AsArray().Select(p => p!["kind"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Http.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task A_case_with_ID_numbers_is_never_stored_by_a_cache()
    {
        using var clerk = await _server.SignInAsync("clerk-comprehensive-2");
        var id = await OpenCaseAsync(clerk);
        var response = await clerk.GetAsync($"/api/cases/{id}");
        Assert.Contains(CaseApi.PersonId, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
