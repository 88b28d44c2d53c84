namespace Workflows.Benchmarks;

/// <summary>
/// Builds a county of N items by cloning the sample items (realistic size: full guides, 5–9
/// materials, forms with scripts, workflows with branches), each clone renamed so no two files
/// are identical.
/// </summary>
public static partial class ItemGenerator
{
    public static void Generate(string sampleDefinitions, string sampleTemplates, string target, int count)
    {
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        var definitions = Path.Combine(target, "definitions");
        Workflows.Definitions.Loading.FileTree.Copy(sampleTemplates, Path.Combine(target, "templates"));
        foreach (var file in Directory.EnumerateFiles(sampleDefinitions, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sampleDefinitions, file);
            if (relative.StartsWith("items" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(definitions, relative))!);
            File.Copy(file, Path.Combine(definitions, relative));
        }
        var samples = Directory.GetDirectories(Path.Combine(sampleDefinitions, "items")).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < count; i++)
        {
            var sample = samples[i % samples.Count];
            var folder = Path.Combine(definitions, "items", $"{Path.GetFileName(sample)}-{i:0000}");
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(sample))
            {
                var text = File.ReadAllText(file);
                // Give each clone its own guide name so no two items are the same text.
                if (Path.GetFileName(file) == "guide.yaml" && text.StartsWith("name: ", StringComparison.Ordinal))
                    text = text.Insert(text.IndexOf('\n'), $"（第{i + 1}号）");
                // Make every script distinct too, so the analysis cache cannot flatter the figures:
                // real counties repeat conditions, but each clone's parse is paid here.
                text = DistinctScripts().Replace(text, m => $"{m.Groups[1].Value}({m.Groups[2].Value}) && {i} >= 0");
                File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), text);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\s*(?:- )?(?:when|rule): )(.+)$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex DistinctScripts();
}
