namespace Workflows.Documents.Templates;

/// <summary>
/// What one render may use. Reaching a limit is an error (WF5007), never a silently shortened
/// document. The defaults are far above any real notice: the longest list we print (materials) has
/// a few dozen rows and a ten-page notice is about 30,000 characters of markup.
/// </summary>
/// <param name="Loops">Iterations of all loops of one render together (Scriban's <c>LoopLimit</c>).</param>
/// <param name="Recursion">Depth of nested function calls (<c>RecursiveLimit</c>).</param>
/// <param name="StringLength">Characters of one printed value (<c>LimitToString</c>).</param>
/// <param name="Output">Characters of the whole markup (<c>OutputLimit</c>).</param>
public sealed record TemplateLimits(int Loops = 5_000, int Recursion = 20, int StringLength = 100_000, int Output = 2_000_000)
{
    public static readonly TemplateLimits Default = new();
}
