using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.State;

namespace Workflows.Benchmarks.Cases;

/// <summary>
/// The county the case benchmark runs on: the sample office, departments, windows, roles, calendars
/// and seals, and one item, <see cref="ItemId"/>, whose workflow is the peer's process
/// (<c>peer-bpmn/lifecycle.bpmn</c>): intake → review → (water ∥ agriculture) → join → decide → end.
/// Its guide, materials and form are the sample 农业机械登记's, so intake checks real materials.
/// </summary>
public static class LifecycleCounty
{
    public const string ItemId = "bench-lifecycle";
    private const string SourceItem = "agri-machinery-registration";

    public const string Workflow =
        """
        steps:
          intake:
            kind: intake
            name: 窗口受理
            by:
              window: comprehensive-2
            next: review
          review:
            kind: task
            name: 审查
            by:
              department: agriculture
              role: reviewer
            limit: 3wd
            next: joint-review
          joint-review:
            kind: parallel
            name: 联合审查
            branches:
              - review-water
              - review-agriculture
          review-water:
            kind: task
            name: 水务局审查
            by:
              department: water
              role: reviewer
            limit: 6wd
            next: joint-done
          review-agriculture:
            kind: task
            name: 农业农村局审查
            by:
              department: agriculture
              role: reviewer
            limit: 6wd
            next: joint-done
          joint-done:
            kind: join
            name: 汇总审查意见
            next: decide
          decide:
            kind: task
            name: 审批决定
            by:
              department: agriculture
              role: head
            limit: 3wd
            next: end

        """;

    public static readonly Actor Clerk = new("clerk-comprehensive-2", Window: "comprehensive-2");
    public static readonly Actor Reviewer = new("agriculture-reviewer", "agriculture", "reviewer");
    public static readonly Actor WaterReviewer = new("water-reviewer", "water", "reviewer");
    public static readonly Actor Head = new("agriculture-head", "agriculture", "head");

    public static readonly string[] Materials = ["application", "owner-id-card", "origin-proof", "conformity-certificate", "inspection-certificate"];

    /// <summary>Writes the county under <paramref name="target"/> (replacing it); returns its definitions folder.</summary>
    public static string Generate(string repoRoot, string target)
    {
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        var source = Path.Combine(repoRoot, "definitions");
        var definitions = Path.Combine(target, "definitions");
        Directory.CreateDirectory(definitions);
        foreach (var file in new[] { "office.yaml", "departments.yaml", "windows.yaml", "roles.yaml" })
            File.Copy(Path.Combine(source, file), Path.Combine(definitions, file));
        CopyFolder(Path.Combine(source, "calendars"), Path.Combine(definitions, "calendars"));
        CopyFolder(Path.Combine(source, "seals"), Path.Combine(definitions, "seals"));
        var item = Path.Combine(definitions, "items", ItemId);
        Directory.CreateDirectory(item);
        foreach (var file in new[] { "guide.yaml", "materials.yaml", "form.yaml" })
            File.Copy(Path.Combine(source, "items", SourceItem, file), Path.Combine(item, file));
        File.WriteAllText(Path.Combine(item, "workflow.yaml"), Workflow);
        CopyFolder(Path.Combine(repoRoot, "templates"), Path.Combine(target, "templates"));
        return definitions;
    }

    /// <summary>A valid 申请表 of the copied item (as tests/fixtures/sample-applications.json has it): the server checks forms.</summary>
    public static JsonObject Form() => (JsonObject)JsonNode.Parse("""
        {"machines": [{"machineType": "wheeled-tractor", "brand": "东方红", "model": "LX904", "engineNumber": "E2026A0917",
          "chassisNumber": "C2026B0917", "color": "红色", "purchaseDate": "2026-03-02"}],
         "usage": "farming", "ownerAddress": "黑龙江省七台河市桃山区桃北街18号"}
        """)!;

    public static ReceiveMaterials Receive(string name = "张建国", string idNumber = "230903197806123513") =>
        new("", "", new Applicant(ApplicantType.Person, name, idNumber, "13800000000"), Form(),
            Materials.Select(id => new MaterialRecord(id, MaterialStatus.Received)).ToList(), Clerk);

    /// <summary>The body of <c>POST /api/cases</c> for the same intake, accepted on the spot.</summary>
    public static JsonObject IntakeRequest() => new()
    {
        ["itemId"] = ItemId,
        ["applicant"] = new JsonObject { ["type"] = "person", ["name"] = "张建国", ["idNumber"] = "230903197806123513", ["phone"] = "13800000000" },
        ["form"] = Form(),
        ["materials"] = new JsonArray(Materials.Select(m => (JsonNode)new JsonObject { ["materialId"] = m, ["status"] = "received" }).ToArray()),
        ["decision"] = new JsonObject { ["kind"] = "accept" },
    };

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
