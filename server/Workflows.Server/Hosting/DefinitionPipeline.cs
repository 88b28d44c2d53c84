using Workflows.Definitions.Loading;
using Workflows.Definitions.Model;
using Workflows.Definitions.Validation;
using Workflows.Documents.Templates;
using Workflows.Scripting.Definitions;

namespace Workflows.Server.Hosting;

/// <summary>Load then validate with every checker wired in: the one path the CLI, the server and the tests share.</summary>
public static class DefinitionPipeline
{
    public static DefinitionSet LoadAndValidate(string root, string? templatesRoot, DateOnly today)
    {
        var set = DefinitionLoader.Load(root, templatesRoot);
        Validator().Validate(set, root, today);
        return set;
    }

    public static DefinitionValidator Validator() => new(new JintScriptChecker(), new ScribanTemplateChecker());

    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.Now);
}
