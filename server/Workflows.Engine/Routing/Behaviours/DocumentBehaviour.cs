using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Execution;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>制证: names the document, records it and asks for it to be rendered after the commit.</summary>
internal sealed class DocumentBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Document;

    public void Enter(StepEntry entry)
    {
        var template = entry.Step.Template ?? throw Fail.Workflow($"制证步骤 {entry.Step.Id} 没有模板 (the document step has no template)");
        DocumentIntents.Issue(entry.Tx, template, entry.Step.Id);
        entry.Leave();
    }
}
