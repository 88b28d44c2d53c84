namespace Workflows.Storage;

/// <summary>
/// Immutable content kept beside the cases in the same database, so every node of a cluster sees
/// it: uploaded materials (keyed by their SHA-256), archived definition versions, issued documents.
/// A key is written once; writing it again with the same key is a no-op (content-addressed).
/// </summary>
public interface IContentStore
{
    /// <summary>Stores the content unless the key exists; true when this call stored it.</summary>
    Task<bool> PutContentAsync(string key, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The content under the key, or null.</summary>
    Task<StoredContent?> GetContentAsync(string key, CancellationToken cancellationToken = default);
}

public sealed record StoredContent(string Key, string ContentType, byte[] Content, DateTimeOffset StoredAt);
