using Workflows.Definitions.Loading;
using Workflows.Definitions.Validation;
using Workflows.Documents.Templates;
using Workflows.Scripting.Definitions;

namespace Workflows.Definitions.Tests;

/// <summary>
/// Each folder of <c>tests/corpus/</c> holds one broken file (laid over a copy of the sample
/// county at its relative path) and <c>expected.txt</c>: the diagnostics it must produce, as
/// <c>path:line:col: error WF1234</c>. Exactly those errors, no others.
/// </summary>
public class BrokenCorpusTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepoPaths.Corpus).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastThirtyCases()
    {
        Assert.True(Cases().Count >= 30, $"only {Cases().Count} corpus cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BrokenFile_YieldsItsExpectedCodeAndLocation(string name)
    {
        var folder = Path.Combine(RepoPaths.Corpus, name);
        using var copy = new RepoPaths.SampleCopy();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file);
            if (relative == "expected.txt") continue;
            var target = relative.StartsWith("templates" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                ? Path.Combine(copy.Root, relative) : copy.PathOf(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var set = DefinitionLoader.Load(copy.Definitions, copy.Templates);
        new DefinitionValidator(new JintScriptChecker(), new ScribanTemplateChecker()).Validate(set, copy.Definitions, new DateOnly(2026, 6, 1));

        var actual = set.Diagnostics.Sorted().Where(d => d.IsError)
            .Select(d => $"{Relative(copy, d.Location.File)}:{d.Location.Line}:{d.Location.Column}: error {d.Code}").ToList();
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.txt")).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList();
        Assert.True(expected.Order().SequenceEqual(actual.Order()),
            $"expected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", set.Diagnostics.Sorted().Select(d => d.ToString()))}");
    }

    private static string Relative(RepoPaths.SampleCopy copy, string file)
    {
        var relative = Path.GetRelativePath(copy.Definitions, file).Replace('\\', '/');
        return relative.StartsWith("../templates/", StringComparison.Ordinal) ? relative[3..] : relative;
    }
}
