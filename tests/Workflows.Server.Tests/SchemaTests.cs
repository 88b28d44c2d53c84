using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>
/// The JSON Schemas that VS Code uses, checked with an independent validator (Debian's
/// python3-jsonschema, reading YAML as yaml-language-server does): every sample file passes and
/// typical mistakes are flagged while typing.
/// </summary>
public class SchemaTests
{
    [Fact]
    public void Schemas_AcceptEverySampleFile()
    {
        var (exit, files) = Check(Repo.Definitions);

        Assert.True(exit == 0, string.Join("\n", files.Where(f => f["problems"]!.AsArray().Count > 0).Select(f => f.ToJsonString())));
        Assert.True(files.Count >= 40);
    }

    [Fact]
    public void Schemas_FlagAMisspeltKeyABadEnumValueAndABadDuration()
    {
        using var county = new Repo.SampleCounty();
        county.Replace("roles.yaml", "  scope: window", "  scop: window");
        county.Replace("items/teacher-qualification/materials.yaml", "  kind: original\n", "  kind: 原件\n");
        county.Replace("items/teacher-qualification/guide.yaml", "  promised: 15wd", "  promised: 15天");

        var (exit, files) = Check(county.Definitions);

        Assert.Equal(1, exit);
        string Problems(string file) => string.Join(" ", files.Single(f => f["file"]!.GetValue<string>() == file)["problems"]!.AsArray());
        Assert.Contains("scop", Problems("roles.yaml"));
        Assert.Contains("原件", Problems("items/teacher-qualification/materials.yaml"));
        Assert.Contains("15天", Problems("items/teacher-qualification/guide.yaml"));
        Assert.Equal(3, files.Count(f => f["problems"]!.AsArray().Count > 0));
    }

    private static (int Exit, List<JsonObject> Files) Check(string definitions)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(Repo.Root, "tests", "tools", "check_schemas.py"));
        info.ArgumentList.Add(definitions);
        info.ArgumentList.Add(Path.Combine(Repo.Definitions, ".schemas"));
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(error.Length == 0, error);
        return (process.ExitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList());
    }
}
