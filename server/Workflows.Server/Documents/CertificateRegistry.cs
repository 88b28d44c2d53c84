using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workflows.Domain;

namespace Workflows.Server.Documents;

/// <summary>
/// What the public verification page may show of an issued certificate (证照): holder, item,
/// issuer, dates, status and the SHA-256 of the issued PDF. Nothing else about the case.
/// </summary>
public sealed record CertificateRecord(
    string Identifier,
    string Name,
    string? Number,
    string HolderName,
    string? HolderCode,
    string ItemId,
    string ItemName,
    string IssuerName,
    string IssuerUscc,
    string IssuedOn,
    string? ValidFrom,
    string? ValidTo,
    string Status,
    string PdfSha256,
    string? LicenseType = null,
    string? HolderCodeHash = null)
{
    /// <summary>Registers find a holder by this digest, so the full ID number is never written in the register.</summary>
    public static string HashOf(string holderCode) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("holder:" + holderCode.Trim().ToUpperInvariant())));

    public const string Valid = "有效", Revoked = "已注销", Expired = "已过期";

    /// <summary>撤销: the decision that granted it was revoked (a false pledge, 行政许可法 art. 69).</summary>
    public const string RevokedByDecision = "已撤销";
}

/// <summary>Issued certificates by their e-certificate identifier (GB/T 36904).</summary>
public interface ICertificateRegistry
{
    void Register(CertificateRecord record);

    CertificateRecord? Find(string identifier);

    /// <summary>The holder's certificates (by ID number or USCC), newest first.</summary>
    IReadOnlyList<CertificateRecord> FindByHolder(string holderCode);
}

/// <summary>One JSON file per certificate under <c>certificates/</c> in the data folder, written atomically.</summary>
public sealed class FileCertificateRegistry(string dataFolder) : ICertificateRegistry
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string Folder { get; } = Path.Combine(dataFolder, "certificates");

    public void Register(CertificateRecord record)
    {
        if (!ECertificateIdentifier.IsValid(record.Identifier))
            throw new ArgumentException($"电子证照标识无效 (invalid identifier): {record.Identifier}", nameof(record));
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, record.Identifier + ".json");
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(record, Json));
        File.Move(temp, target, overwrite: true);
    }

    public CertificateRecord? Find(string identifier)
    {
        // Only a well-formed identifier (digits, capitals, dots; check character right) becomes a file name.
        if (!ECertificateIdentifier.IsValid(identifier)) return null;
        var path = Path.Combine(Folder, identifier + ".json");
        return File.Exists(path) ? JsonSerializer.Deserialize<CertificateRecord>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>A scan of the register: a county issues thousands a year, not millions; an index belongs with a shared store.</summary>
    public IReadOnlyList<CertificateRecord> FindByHolder(string holderCode)
    {
        if (!Directory.Exists(Folder)) return [];
        var hash = CertificateRecord.HashOf(holderCode);
        var found = new List<CertificateRecord>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<CertificateRecord>(File.ReadAllText(path), Json) is { } record && record.HolderCodeHash == hash) found.Add(record);
            }
            catch (Exception e) when (e is JsonException or IOException) { /* a half-written or foreign file is not a certificate */ }
        }
        return found.OrderByDescending(r => r.IssuedOn, StringComparer.Ordinal).ThenByDescending(r => r.Identifier, StringComparer.Ordinal).ToList();
    }

    /// <summary>The holder's code with the middle hidden (2309**********0429), as public pages show it.</summary>
    public static string? Mask(string? code) =>
        code is null || code.Length < 8 ? code : code[..4] + new string('*', code.Length - 8) + code[^4..];
}
