using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflows.Storage;

/// <summary>
/// The event hash chain: sha256(previous hash, case id, sequence, type, payload, recorded-at).
/// Each field is length-prefixed so no two different events can serialise to the same bytes
/// (a payload ending in a separator cannot borrow the next field). Providers call this; they
/// never hash on their own, so every store verifies every other store's chains.
/// </summary>
public static class EventHash
{
    /// <summary>The "previous hash" of a case's first event.</summary>
    public const string Genesis = "";

    public static string Compute(string previousHash, Guid caseId, long sequence, string type, string payload, DateTimeOffset recordedAt)
    {
        var text = new StringBuilder();
        Field(text, previousHash);
        Field(text, caseId.ToString("D"));
        Field(text, sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, type);
        Field(text, payload);
        Field(text, StoredTime.Normalize(recordedAt).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Field(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
