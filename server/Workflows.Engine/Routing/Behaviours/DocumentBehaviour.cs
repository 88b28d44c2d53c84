using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>制证: renders the template through the document port and records the document id.</summary>
internal sealed class DocumentBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Document;

    public void Enter(StepEntry entry)
    {
        var template = entry.Step.Template ?? throw Fail.Workflow($"制证步骤 {entry.Step.Id} 没有模板 (the document step has no template)");
        var documentId = entry.Tx.Context.Documents.Render(template, entry.Tx.State);
        entry.Tx.Emit(new DocumentIssued(template, documentId, entry.Step.Id));
        entry.Leave();
    }
}
