using System.Reflection;
using Workflows.Engine.Execution;

namespace Workflows.Engine.Tests.Architecture;

/// <summary>The engine stays pure (DESIGN.md): no web host, database, job scheduler, script engine, templating or PDF assembly.</summary>
public sealed class EngineReferenceTests
{
    private static readonly string[] Forbidden =
        ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Jint", "Scriban", "PdfSharp", "PDFsharp", "Hangfire", "Microsoft.Data.Sqlite", "Npgsql"];

    [Fact]
    public void Engine_ReferencesNoHostingDatabaseScriptingTemplatingOrPdfAssembly_EvenTransitively()
    {
        var offending = ReferenceClosure(typeof(CaseEngine).Assembly)
            .Where(name => Forbidden.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void Engine_ReferencesOnlyTheDefinitionsAndDomainProjects()
    {
        var projects = typeof(CaseEngine).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Workflows.", StringComparison.Ordinal))
            .Order()
            .ToList();

        Assert.Equal(["Workflows.Definitions", "Workflows.Domain"], projects);
    }

    /// <summary>The engine's references and, through our own projects, theirs.</summary>
    private static IReadOnlyCollection<string> ReferenceClosure(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([root]);
        while (pending.Count > 0)
        {
            foreach (var reference in pending.Dequeue().GetReferencedAssemblies())
            {
                if (!seen.Add(reference.Name!)) continue;
                if (reference.Name!.StartsWith("Workflows.", StringComparison.Ordinal)) pending.Enqueue(Assembly.Load(reference));
            }
        }

        return seen;
    }
}
