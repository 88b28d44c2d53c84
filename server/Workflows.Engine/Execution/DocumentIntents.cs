using Workflows.Engine.Events;
using Workflows.Engine.Intents;

namespace Workflows.Engine.Execution;

/// <summary>Issuing a notice or certificate: the event names the document, the intents render (and register) it.</summary>
internal static class DocumentIntents
{
    public const string CertificatePrefix = "certificates/";

    public static void Issue(CaseTransaction tx, string templateId, string? stepId)
    {
        // The document shows the case as it is now, before it records itself.
        var before = tx.State;
        var documentId = tx.NextIntentId();
        tx.Intend(new RenderDocument(templateId, documentId, stepId, tx.Today, before));
        if (templateId.StartsWith(CertificatePrefix, StringComparison.Ordinal))
            tx.Intend(new RegisterCertificate(templateId, documentId, tx.Today, before));
        tx.Emit(new DocumentIssued(templateId, documentId, stepId));
    }
}
