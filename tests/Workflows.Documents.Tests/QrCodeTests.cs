using System.Text.Json.Nodes;

namespace Workflows.Documents.Tests;

public class QrCodeTests
{
    /// <summary>Rasterises every page at 600 dpi and decodes every QR code with zbarimg.</summary>
    private static List<string> Decode(byte[] pdf)
    {
        using var folder = new Support.TempFolder();
        var path = Support.WritePdf(folder, pdf);
        Support.Run("pdftoppm", "-r", "600", "-gray", "-png", path, folder.File("page"));
        var pages = Directory.GetFiles(folder.Path, "page*.png").Order(StringComparer.Ordinal).ToArray();
        return pages.SelectMany(page => Support.Run("zbarimg", [0, 4], "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", page)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
    }

    [Theory]
    [InlineData("certificates/teacher-qualification")]
    [InlineData("certificates/water-permit")]
    [InlineData("certificates/agri-machinery-registration")]
    [InlineData("notices/acceptance")]
    public void QrCode_DecodesToTheVerificationUrl(string id)
    {
        var sample = Support.Sample(id);
        var decoded = Decode(Support.Renderer().Render(id, sample).Pdf);
        Assert.Equal([sample["verifyUrl"]!.ToString()], decoded);
    }

    [Fact]
    public void QrCode_OfAnotherCertificate_CarriesItsOwnIdentifier()
    {
        var sample = Support.Sample("certificates/teacher-qualification");
        var identifier = Workflows.Domain.ECertificateIdentifier.Build("11100000000013127D001", "11230903MB1C047250", "20262309033200999", 1);
        sample["certificate"]!["identifier"] = identifier;
        sample["verifyUrl"] = "http://127.0.0.1:5080/verify/" + identifier;
        var decoded = Decode(Support.Renderer().Render("certificates/teacher-qualification", sample).Pdf);
        Assert.Equal(["http://127.0.0.1:5080/verify/" + identifier], decoded);
    }

    [Fact]
    public void NoticeWithoutVerifyUrl_HasNoQrCode()
    {
        var sample = Support.Sample("notices/acceptance");
        sample["verifyUrl"] = null;
        var document = Support.Renderer().Render("notices/acceptance", sample);
        Assert.DoesNotContain(document.Pages.Pages[0].Operations, o => o is Layout.RectangleOperation);
    }
}
