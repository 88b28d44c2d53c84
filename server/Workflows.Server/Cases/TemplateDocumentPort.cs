using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Documents.Templates;
using Workflows.Engine.Ports;
using Workflows.Engine.State;

namespace Workflows.Server.Cases;

/// <summary>
/// The engine's document port until the PDF renderer exists (issue 4): renders the referenced
/// Handlebars template with the case's data into its layout markup and keeps it content-addressed
/// under <c>documents/&lt;sha256&gt;.xml</c> in the data folder; the document id is that hash.
/// The file is written before the command commits; a losing command leaves only an unreferenced
/// (identical-content) file behind, never a wrong reference.
/// </summary>
public sealed class TemplateDocumentPort(string templatesRoot, string dataFolder, IClock clock) : IDocumentPort
{
    private static readonly TemplateRenderer Renderer = new();

    public string DocumentsFolder { get; } = Path.Combine(dataFolder, "documents");

    public string Render(string templateId, CaseState state)
    {
        var path = Path.GetFullPath(Path.Combine(templatesRoot, templateId + ".hbs"));
        if (!path.StartsWith(Path.GetFullPath(templatesRoot), StringComparison.Ordinal))
            throw new InvalidOperationException($"模板 {templateId} 不在模板目录内 (template outside the templates folder)");
        var markup = Renderer.Render(File.ReadAllText(path), DataOf(state));
        var bytes = Encoding.UTF8.GetBytes(markup);
        var id = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Directory.CreateDirectory(DocumentsFolder);
        var target = Path.Combine(DocumentsFolder, id + ".xml");
        if (!File.Exists(target))
        {
            var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, target, overwrite: true);
        }
        return id;
    }

    private JsonObject DataOf(CaseState state)
    {
        var today = clock.Now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        return new JsonObject
        {
            ["case"] = new JsonObject { ["number"] = state.Number, ["itemId"] = state.ItemId, ["receivedOn"] = state.Clocks.ReceivedOn.ToString("yyyy-MM-dd") },
            ["applicant"] = new JsonObject { ["name"] = state.Applicant.Name, ["idNumber"] = state.Applicant.IdNumber, ["phone"] = state.Applicant.Phone },
            ["holder"] = new JsonObject { ["name"] = state.Applicant.Name, ["idNumber"] = state.Applicant.IdNumber },
            ["form"] = state.FormData.DeepClone(),
            ["issuedAt"] = today,
        };
    }
}
