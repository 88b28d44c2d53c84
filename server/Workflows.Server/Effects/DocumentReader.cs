using Workflows.Server.Documents;

namespace Workflows.Server.Effects;

/// <summary>
/// Reads a stored document for a request. A document whose render has not run yet (it runs after
/// the commit) is rendered now through its intent, so a clerk printing right after the command
/// gets it; when another runner holds it, the request waits a little for its result.
/// </summary>
public static class DocumentReader
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    public static async Task<byte[]?> ReadAsync(CaseDocuments documents, string documentId, IServiceProvider services, CancellationToken ct)
    {
        if (await documents.FindAsync(documentId, ct) is { } stored) return stored;
        if (services.GetService<EffectRunner>() is not { } runner) return null;
        // The render intent's id is the document's id.
        try
        {
            var outcome = await runner.RunAsync(documentId, lastAttempt: false, ct);
            if (outcome is EffectRunner.Outcome.Unknown) return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Recorded on the intent; the job system retries it.
            return null;
        }
        var until = DateTimeOffset.UtcNow + Wait;
        while (true)
        {
            if (await documents.FindAsync(documentId, ct) is { } rendered) return rendered;
            if (DateTimeOffset.UtcNow > until) return null;
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }
}
