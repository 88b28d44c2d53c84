using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Domain;
using Workflows.Server.Documents;

namespace Workflows.Server.Tests;

public class DocumentApiTests
{
    private static async Task<string> SavePdfAsync(HttpResponseMessage response)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wf-preview-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    [Fact]
    public async Task Preview_WithoutBody_RendersTheSampleAsPdf()
    {
        await using var server = await RunningServer.StartAsync(demo: true);
        var http = await server.SignInAsync("admin");
        using var response = await http.PostAsync("/api/templates/notices/acceptance/preview", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await SavePdfAsync(response);
        try { Assert.Contains("受理通知书", Pdf.Text(pdf)); Assert.Contains("王晓雪", Pdf.Text(pdf)); }
        finally { File.Delete(pdf); }
    }

    [Fact]
    public async Task Preview_WithData_RendersThatData()
    {
        await using var server = await RunningServer.StartAsync(demo: true);
        var http = await server.SignInAsync("education-editor");
        var data = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repo.Templates, "notices", "acceptance.sample.json")))!.AsObject();
        data["applicant"]!["name"] = "赵子龙";
        using var response = await http.PostAsync("/api/templates/notices/acceptance/preview",
            new StringContent(data.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await SavePdfAsync(response);
        try { Assert.Contains("赵子龙：", Pdf.Text(pdf)); }
        finally { File.Delete(pdf); }
    }

    [Fact]
    public async Task Preview_IsForDesigners_401WithoutSignIn_403ForAClerk()
    {
        await using var server = await RunningServer.StartAsync(demo: true);
        var clerk = await server.SignInAsync("clerk-comprehensive-1");

        using var anonymous = await server.Http.PostAsync("/api/templates/notices/acceptance/preview", null);
        using var denied = await clerk.PostAsync("/api/templates/notices/acceptance/preview", null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("WF9401", (await anonymous.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("WF9403", (await denied.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.ToString());
    }

    [Fact]
    public async Task Preview_OfABrokenTemplate_IsAProblemWithItsLocation()
    {
        // Broken after the start: a broken template keeps the definitions from loading, and with them the demo accounts.
        await using var server = await RunningServer.StartAsync(demo: true);
        var path = Path.Combine(server.County.Root, "templates", "notices", "acceptance.sbn");
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(6, "  <para>多余的元素</para>");
        File.WriteAllLines(path, lines);
        var http = await server.SignInAsync("admin");
        using var response = await http.PostAsync("/api/templates/notices/acceptance/preview", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("WF5003", problem["code"]!.ToString());
        Assert.Equal(7, problem["line"]!.GetValue<int>());
        Assert.Equal(3, problem["column"]!.GetValue<int>());
        Assert.EndsWith("templates/notices/acceptance.sbn", problem["file"]!.ToString());
    }

    [Fact]
    public async Task Preview_OfUnknownTemplateOrBadJson_IsAProblem()
    {
        await using var server = await RunningServer.StartAsync(demo: true);
        var http = await server.SignInAsync("admin");
        using var missing = await http.PostAsync("/api/templates/notices/nothing/preview", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("WF5004", (await missing.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.ToString());
        using var bad = await http.PostAsync("/api/templates/notices/acceptance/preview", new StringContent("{\"applicant\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Verify_ShowsTheRegisteredCertificateAndNothingElse()
    {
        var identifier = ECertificateIdentifier.Build("11100000000018051C001", "11230903MB0P526396", "2026000001", 1);
        // A register file an earlier version wrote in the data folder: moved into the store on start.
        await using var server = await RunningServer.StartAsync(county => new FileCertificateRegistry(Path.Combine(county.Root, "data")).Register(new CertificateRecord(
            identifier, "拖拉机和联合收割机行驶证", "黑09-00321", "张建国", "2309**********3513", "agri-machinery-registration",
            "拖拉机和联合收割机登记", "七台河市桃山区农业农村局", "11230903MB0P526396", "2026-11-30", "2026-11-30", null,
            CertificateRecord.Valid, new string('a', 64))));
        var register = (Workflows.Storage.ICertificateRegister)server.Services.GetRequiredService<Workflows.Storage.ICaseStore>();
        for (var i = 0; i < 150 && await register.FindCertificateAsync(identifier) is null; i++) await Task.Delay(100);
        Assert.False(Directory.Exists(Path.Combine(server.County.Root, "data", "certificates")));

        var json = await server.GetJsonAsync($"/verify/{identifier}?format=json");
        Assert.Equal(identifier, json["identifier"]!.ToString());
        Assert.Equal("张建国", json["holder"]!["name"]!.ToString());
        Assert.Equal("七台河市桃山区农业农村局", json["issuer"]!["name"]!.ToString());
        Assert.Equal("有效", json["status"]!.ToString());
        Assert.Equal(new string('a', 64), json["pdfSha256"]!.ToString());
        Assert.Equal(["identifier", "name", "number", "holder", "item", "issuer", "issuedOn", "validFrom", "validTo", "status", "pdfSha256"],
            json.Select(p => p.Key));

        var html = await server.Http.GetStringAsync($"/verify/{identifier}");
        Assert.Contains("张建国", html);
        Assert.Contains("2309**********3513", html);
        Assert.DoesNotContain("230903197806123513", html);
    }

    [Fact]
    public async Task Verify_UnknownOrMistypedIdentifier_IsNotFound()
    {
        await using var server = await RunningServer.StartAsync();
        var identifier = ECertificateIdentifier.Build("11100000000018051C001", "11230903MB0P526396", "2026000002", 1);
        using var unknown = await server.Http.GetAsync($"/verify/{identifier}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var mistyped = await server.Http.GetAsync($"/verify/{identifier[..^1]}Z");
        Assert.Equal(HttpStatusCode.NotFound, mistyped.StatusCode);
        using var traversal = await server.Http.GetAsync("/verify/..%2F..%2Fcounty");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }
}
