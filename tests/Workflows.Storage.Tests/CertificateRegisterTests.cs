namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    private ICertificateRegister Register => Assert.IsAssignableFrom<ICertificateRegister>(Store);

    private static StoredCertificate Certificate(string identifier, string holder = "holder-hash", string? document = "doc-1") =>
        new(identifier, null, document, holder, "有效", $$"""{"identifier":"{{identifier}}","name":"教师资格证书"}""");

    [Fact]
    public async Task Append_WithCertificate_RegistersItWithTheCase_AndAConflictRegistersNothing()
    {
        var created = await CreateAsync(Cases.New());

        await Store.AppendAsync(created.CaseId, 1, Cases.Change(eventTypes: "document.issued") with { Certificates = [Certificate("lost")] });
        await Store.AppendAsync(created.CaseId, 2, Cases.Change(eventTypes: "document.issued") with { Certificates = [Certificate("granted")] });

        Assert.Null(await Register.FindCertificateAsync("lost"));
        var found = (await Register.FindCertificateAsync("granted"))!;
        Assert.Equal((created.CaseId, "doc-1", "有效", """{"identifier":"granted","name":"教师资格证书"}"""), (found.CaseId, found.DocumentId, found.Status, found.Record));
        Assert.Equal(["granted"], (await Register.CertificatesOfCaseAsync(created.CaseId)).Select(c => c.Identifier));
        Assert.Equal(["granted"], (await Register.FindCertificatesByHolderAsync("holder-hash")).Select(c => c.Identifier));
        Assert.Empty(await Register.FindCertificatesByHolderAsync("someone-else"));
    }

    [Fact]
    public async Task Append_RevokingCertificates_ChangesTheStatusOfThatCaseOnly()
    {
        var refused = await CreateAsync(Cases.New());
        var other = await CreateAsync(Cases.New());
        await Store.AppendAsync(refused.CaseId, 2, Cases.Change(eventTypes: "document.issued") with { Certificates = [Certificate("a")] });
        await Store.AppendAsync(other.CaseId, 2, Cases.Change(eventTypes: "document.issued") with { Certificates = [Certificate("b")] });

        await Store.AppendAsync(refused.CaseId, 3, Cases.Change(Cases.Index(status: "refused"), "case.closed") with { RevokeCertificatesAs = "已注销" });

        Assert.Equal("已注销", (await Register.FindCertificateAsync("a"))!.Status);
        Assert.Equal("有效", (await Register.FindCertificateAsync("b"))!.Status);
    }

    [Fact]
    public async Task SetPdf_FirstRenderWins_AndImportNeverOverwrites()
    {
        var created = await CreateAsync(Cases.New());
        await Store.AppendAsync(created.CaseId, 2, Cases.Change(eventTypes: "document.issued") with { Certificates = [Certificate("c")] });

        await Register.SetCertificatePdfAsync("c", "first");
        await Register.SetCertificatePdfAsync("c", "second");
        Assert.False(await Register.ImportCertificateAsync(Certificate("c", holder: "imported")));
        Assert.True(await Register.ImportCertificateAsync(Certificate("old-file", document: null) with { PdfSha256 = "abc" }));

        var c = (await Register.FindCertificateAsync("c"))!;
        Assert.Equal(("first", "holder-hash"), (c.PdfSha256, c.HolderHash));
        Assert.Equal((null, "abc"), ((await Register.FindCertificateAsync("old-file"))!.CaseId, (await Register.FindCertificateAsync("old-file"))!.PdfSha256));
    }
}
