namespace Workflows.Definitions.Tests;

/// <summary>Locates the repository's sample definitions and test corpus from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Definitions => Path.Combine(Root, "definitions");
    public static string Templates => Path.Combine(Root, "templates");
    public static string Corpus => Path.Combine(Root, "tests", "corpus");

    private static string Find()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Workflows.sln"))) return dir;
        throw new InvalidOperationException("Workflows.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A throwaway copy of the sample county (definitions and templates side by side), deleted on dispose.</summary>
    public sealed class SampleCopy : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("workflows-test-").FullName;
        public string Definitions => Path.Combine(Root, "definitions");
        public string Templates => Path.Combine(Root, "templates");

        public SampleCopy()
        {
            Loading.FileTree.Copy(RepoPaths.Definitions, Definitions);
            Loading.FileTree.Copy(RepoPaths.Templates, Templates);
        }

        public string PathOf(string relative) => Path.Combine(Definitions, relative);

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
