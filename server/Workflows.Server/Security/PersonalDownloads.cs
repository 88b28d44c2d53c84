using Workflows.Storage;

namespace Workflows.Server.Security;

/// <summary>
/// A case's files and rendered documents carry personal data (ID numbers, addresses, scans): each
/// download is a security event naming who, when, which case and which file.
/// </summary>
public static class PersonalDownloads
{
    public static Task LogAsync(HttpContext context, StoredCase stored, string what)
    {
        // A PDF viewer fetches one file in many ranges: the first range (or the whole file) is the download.
        var range = context.Request.Headers.Range.ToString();
        if (range.Length > 0 && !range.StartsWith("bytes=0-", StringComparison.Ordinal)) return Task.CompletedTask;
        return context.RequestServices.GetRequiredService<SecurityLog>().WriteAsync(context, SecurityLog.PersonalDocumentDownloaded,
            $"{stored.Number.Text} · {what}", stored.Id.ToString("D"));
    }
}
