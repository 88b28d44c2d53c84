using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workflows.Plugins.Abstractions;

namespace Workflows.Plugins.Webhook;

/// <summary>
/// Delivers an event as signed JSON, retrying with doubling delays while the receiver is down or
/// answers 5xx, 408 or 429. Other 4xx answers mean the receiver rejected the event: no retry.
/// The receiver checks <c>X-Workflows-Signature: sha256=HMAC(secret, body)</c> and drops
/// duplicates by <c>X-Workflows-Delivery</c> (delivery is at least once).
/// </summary>
public sealed class WebhookNotifier(WebhookOptions options) : ICaseEventNotifier, IDisposable
{
    public const string SignatureHeader = "X-Workflows-Signature";
    public const string EventHeader = "X-Workflows-Event";
    public const string DeliveryHeader = "X-Workflows-Delivery";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly HttpClient _http = new() { Timeout = options.Timeout };

    public string Name => "webhook";

    public async Task<bool> NotifyAsync(CaseEventNotice notice, CancellationToken cancellationToken)
    {
        if (options.Events is { } events && !events.Contains(notice.EventType)) return true;
        var body = JsonSerializer.SerializeToUtf8Bytes(notice, Json);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Secret), body));
        var delay = options.InitialDelay;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            if (await TrySendAsync(notice, body, signature, cancellationToken) is { } delivered) return delivered;
            if (attempt < options.MaxAttempts)
            {
                await Task.Delay(delay, cancellationToken);
                delay *= 2;
            }
        }
        return false;
    }

    /// <summary>True delivered, false rejected for good, null worth another try.</summary>
    private async Task<bool?> TrySendAsync(CaseEventNotice notice, byte[] body, string signature, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, signature);
        request.Headers.Add(EventHeader, notice.EventType);
        request.Headers.Add(DeliveryHeader, notice.DeliveryId);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode) return true;
            var status = (int)response.StatusCode;
            return status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests ? null : false;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // the per-request timeout, not a shutdown
        }
    }

    public void Dispose() => _http.Dispose();
}
