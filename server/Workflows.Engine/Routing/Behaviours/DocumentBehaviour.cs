using Workflows.Definitions.Model;
using Workflows.Engine.Execution;
using Workflows.Engine.Graph;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>制证: names the document, records it and asks for it to be rendered after the commit.</summary>
internal sealed class DocumentBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Document;

    public void Enter(StepEntry entry)
    {
        var step = (DocumentNode)entry.Step;
        DocumentIntents.Issue(entry.Tx, step.Template, step.Id);
        entry.Leave();
    }
}
