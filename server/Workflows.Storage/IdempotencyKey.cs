using System.Security.Cryptography;
using System.Text;

namespace Workflows.Storage;

/// <summary>
/// A client's idempotency key plus a fingerprint of the request it came with. The fingerprint is
/// computed from the request, not from the events, because a retried command produces events with
/// new timestamps: same key and same request means "the same call again", same key and another
/// request is the client's mistake.
/// </summary>
public sealed record IdempotencyKey(string Key, string RequestFingerprint)
{
    /// <summary>A key whose fingerprint is the SHA-256 of the request's identifying text (method, path, body).</summary>
    public static IdempotencyKey ForRequest(string key, string request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(request));
        return new IdempotencyKey(key, Convert.ToHexStringLower(hash));
    }
}
