using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>The built web UI served beside the API: static files, index.html for client routes, problem 404s for the API.</summary>
public class WebUiTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private readonly string _webRoot = Path.Combine(Path.GetTempPath(), "wf-webroot-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "index.html"), "<!doctype html><html lang=\"zh-CN\"><div id=\"root\">SPA-INDEX</div></html>");
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "assets", "app-abc123.js"), "console.log('app');");
        // As designer/scripts/precompress.mjs leaves a large asset: the file, its .br and its .gz.
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "assets", "main-def456.js"), MainJs);
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "assets", "main-def456.js.br"), Compress(MainJs, s => new System.IO.Compression.BrotliStream(s, System.IO.Compression.CompressionLevel.Optimal)));
        await File.WriteAllBytesAsync(Path.Combine(_webRoot, "assets", "main-def456.js.gz"), Compress(MainJs, s => new System.IO.Compression.GZipStream(s, System.IO.Compression.CompressionLevel.Optimal)));
        _server = await RunningServer.StartAsync(demo: true, configure: o => o with { WebRoot = _webRoot });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/workbench/intake")]
    [InlineData("/workbench/cases/6f9619ff-8b86-d011-b42d-00cf4fc964ff")]
    [InlineData("/designer/items/teacher-qualification")]
    public async Task ClientRoute_ServesIndexHtml(string path)
    {
        var response = await _server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("SPA-INDEX", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Asset_IsServedWithALongCache()
    {
        var response = await _server.Http.GetAsync("/assets/app-abc123.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("console.log", await response.Content.ReadAsStringAsync());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    private static readonly byte[] MainJs = System.Text.Encoding.UTF8.GetBytes(
        string.Concat(Enumerable.Range(0, 2000).Select(i => $"export const label{i} = '受理通知书 {i}';\n")));

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(bytes);
        return output.ToArray();
    }

    [Theory]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("", null)]
    [InlineData("identity", null)]
    public async Task MainJs_IsServedPrecompressed_AsTheBrowserAccepts_AndDecompressesToTheSameBytes(string acceptEncoding, string? expected)
    {
        // No automatic decompression: the bytes exactly as they travel.
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = _server.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/main-def456.js");
        if (acceptEncoding != "") request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadAsByteArrayAsync();
        var decoded = expected switch
        {
            "br" => Decompress(body, s => new System.IO.Compression.BrotliStream(s, System.IO.Compression.CompressionMode.Decompress)),
            "gzip" => Decompress(body, s => new System.IO.Compression.GZipStream(s, System.IO.Compression.CompressionMode.Decompress)),
            _ => body,
        };
        if (expected is not null) Assert.True(body.Length < MainJs.Length / 3, $"{expected}: {body.Length} bytes for {MainJs.Length}");
        Assert.Equal(MainJs, decoded);
    }

    [Fact]
    public async Task IndexHtml_IsNeverCached()
    {
        var response = await _server.Http.GetAsync("/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoCache, response.Headers.CacheControl?.ToString());
    }

    private static byte[] Decompress(byte[] bytes, Func<Stream, Stream> decompressor)
    {
        using var input = decompressor(new MemoryStream(bytes));
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/api/items/x/y/z")]
    [InlineData("/openapi/nothing")]
    [InlineData("/verify/a/b/c")]
    [InlineData("/assets/missing-file.js")]
    public async Task UnknownServerPath_IsAProblem404_NotTheIndex(string path)
    {
        var response = await _server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("WF9404", problem!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApiBanner_MovedFromRootToApi()
    {
        var banner = await _server.GetJsonAsync("/api");

        Assert.Equal("Workflows 政务服务事项办理平台", banner["name"]!.GetValue<string>());
        Assert.Equal("/openapi/v1.json", banner["openapi"]!.GetValue<string>());
    }

    [Fact]
    public async Task Session_AnswersOkSignedOut_AndNamesTheUserSignedIn()
    {
        var signedOut = await _server.Http.GetAsync("/api/auth/session");
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.False((await signedOut.Content.ReadFromJsonAsync<JsonObject>())!["authenticated"]!.GetValue<bool>());

        var clerk = await _server.SignInAsync("clerk-comprehensive-1");
        var session = (await clerk.GetFromJsonAsync<JsonObject>("/api/auth/session"))!;
        Assert.True(session["authenticated"]!.GetValue<bool>());
        Assert.Equal("clerk-comprehensive-1", session["user"]!["userName"]!.GetValue<string>());
        Assert.Equal("comprehensive-1", session["user"]!["window"]!.GetValue<string>());
    }
}

/// <summary>A server without a built UI says at <c>/</c>, in Chinese, how to build it.</summary>
public class WebUiMissingTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Root_WithoutABuiltUi_ExplainsHowToBuildIt()
    {
        var response = await _server.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("尚未构建网页界面", text);
        Assert.Contains("npm run build", text);
    }

    [Fact]
    public async Task ClientRoute_WithoutABuiltUi_IsA404()
    {
        var response = await _server.Http.GetAsync("/workbench/intake");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ApiBanner_IsServedWithoutAUi()
    {
        var banner = await _server.GetJsonAsync("/api");

        Assert.Equal("/api/items", banner["items"]!.GetValue<string>());
    }
}
