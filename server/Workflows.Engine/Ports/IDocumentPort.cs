using Workflows.Engine.State;

namespace Workflows.Engine.Ports;

/// <summary>Renders a notice or certificate from a template; the engine records only the returned document id.</summary>
public interface IDocumentPort
{
    string Render(string templateId, CaseState state);
}
