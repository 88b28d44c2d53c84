using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflows.DeviceSimulator;

/// <summary>
/// One browser connection, speaking protocol version 1 (docs/devices.md): a request
/// <c>{"v":1,"id":"…","type":"…","params":{…}}</c> gets <c>{"v":1,"id":"…","ok":true,"result":{…}}</c> or
/// <c>{"v":1,"id":"…","ok":false,"error":{"code":"DEV…","message":"中文 (English)"}}</c>.
/// A vendor's agent answers the same messages from its SDK; only this class is simulated.
/// </summary>
public sealed class AgentSession(WebSocket socket, SimulatorOptions options, ILogger logger)
{
    public const int ProtocolVersion = 1;
    private const int MaxMessageBytes = 64 * 1024 * 1024;
    private static int jobSequence;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
                    return;
                }
                message.Write(buffer, 0, received.Count);
                if (message.Length > MaxMessageBytes) { await SendAsync(Error(null, "DEV100", "消息过大 (message too large)"), cancellationToken); return; }
            } while (!received.EndOfMessage);
            await SendAsync(Answer(message.ToArray()), cancellationToken);
        }
    }

    private JsonObject Answer(byte[] bytes)
    {
        JsonObject request;
        try { request = JsonNode.Parse(bytes) as JsonObject ?? throw new JsonException(); }
        catch (JsonException) { return Error(null, "DEV100", "消息不是 JSON 对象 (not a JSON object)"); }
        var id = request["id"]?.GetValueKind() == JsonValueKind.String ? request["id"]!.GetValue<string>() : null;
        if (id is null) return Error(null, "DEV100", "缺少 id (missing id)");
        if (request["v"]?.GetValueKind() != JsonValueKind.Number || request["v"]!.GetValue<int>() != ProtocolVersion)
            return Error(id, "DEV101", $"协议版本不支持，本代理支持 v{ProtocolVersion} (unsupported protocol version)");
        var type = request["type"]?.GetValueKind() == JsonValueKind.String ? request["type"]!.GetValue<string>() : "";
        var parameters = request["params"] as JsonObject ?? [];
        logger.LogInformation("{Type} {Id}", type, id);
        try
        {
            return type switch
            {
                "hello" => Ok(id, Hello()),
                "idcard.read" => options.IdCard is { } card ? Ok(id, ReadCard(card)) : Error(id, "DEV201", "读卡器上没有身份证 (no card on the reader)"),
                "camera.capture" => options.Camera ? Capture(id, parameters) : Error(id, "DEV200", "高拍仪未连接 (document camera not connected)"),
                "print" => Print(id, parameters),
                _ => Error(id, "DEV102", $"不支持的请求类型 '{type}' (unknown message type)"),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or IOException)
        {
            return Error(id, "DEV100", $"请求参数无效：{e.Message} (invalid parameters)");
        }
    }

    private JsonObject Hello() => new()
    {
        ["agent"] = "Workflows 设备模拟器 (device simulator)",
        ["protocol"] = ProtocolVersion,
        ["devices"] = new JsonObject
        {
            ["idcard"] = new JsonObject { ["connected"] = true, ["model"] = "模拟读卡器" },
            ["camera"] = new JsonObject { ["connected"] = options.Camera, ["model"] = "模拟高拍仪", ["formats"] = new JsonArray("pdf", "jpeg") },
            ["printers"] = new JsonArray([.. options.Printers.Select(p => (JsonNode)JsonValue.Create(p)!)]),
        },
    };

    private static JsonObject ReadCard(JsonObject card)
    {
        var result = (JsonObject)card.DeepClone();
        result["photo"] ??= new JsonObject { ["contentType"] = "image/jpeg", ["base64"] = Convert.ToBase64String(SamplePictures.IdPhoto()) };
        return result;
    }

    private static JsonObject Capture(string id, JsonObject parameters)
    {
        var format = parameters["format"]?.GetValue<string>() ?? "pdf";
        var pages = parameters["pages"]?.GetValue<int>() ?? 1;
        if (pages is < 1 or > 20) return Error(id, "DEV301", "页数应为 1–20 (pages must be 1–20)");
        var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss");
        switch (format)
        {
            case "jpeg":
                if (pages != 1) return Error(id, "DEV301", "JPEG 每次只拍一页 (one page per JPEG)");
                return Ok(id, Scan("image/jpeg", $"高拍仪-{stamp}.jpg", SamplePictures.ScannedPage(1), 1));
            case "pdf":
                var jpegs = Enumerable.Range(1, pages).Select(SamplePictures.ScannedPage).ToList();
                return Ok(id, Scan("application/pdf", $"高拍仪-{stamp}.pdf", ScanPdf.Write(jpegs, 824, 1168, "Workflows device simulator scan"), pages));
            default:
                return Error(id, "DEV301", $"不支持的格式 '{format}'，可用 pdf、jpeg (unsupported format)");
        }
    }

    private static JsonObject Scan(string contentType, string fileName, byte[] bytes, int pages) => new()
    {
        ["contentType"] = contentType, ["fileName"] = fileName, ["pages"] = pages, ["base64"] = Convert.ToBase64String(bytes),
    };

    /// <summary>A print job: the PDF and its settings land in the jobs folder as &lt;n&gt;.pdf and &lt;n&gt;.json, as a spooler would take them.</summary>
    private JsonObject Print(string id, JsonObject parameters)
    {
        var printer = parameters["printer"]?.GetValue<string>() ?? "";
        if (!options.Printers.Contains(printer)) return Error(id, "DEV401", $"本机没有打印机 '{printer}' (printer not found)");
        var data = parameters["base64"]?.GetValue<string>() ?? "";
        byte[] pdf;
        try { pdf = Convert.FromBase64String(data); }
        catch (FormatException) { return Error(id, "DEV402", "打印内容不是有效的 Base64 (invalid base64)"); }
        if (!pdf.AsSpan().StartsWith("%PDF-"u8)) return Error(id, "DEV402", "只能打印 PDF (only PDF can be printed)");
        Directory.CreateDirectory(options.JobsFolder);
        var number = $"{DateTime.Now:yyyyMMdd-HHmmss}-{Interlocked.Increment(ref jobSequence):D3}";
        File.WriteAllBytes(Path.Combine(options.JobsFolder, number + ".pdf"), pdf);
        var job = new JsonObject
        {
            ["job"] = number,
            ["printer"] = printer,
            ["preset"] = parameters["preset"]?.DeepClone(),
            ["kind"] = parameters["kind"]?.DeepClone(),
            ["document"] = parameters["document"]?.DeepClone(),
            ["copies"] = parameters["copies"]?.DeepClone() ?? 1,
            ["offsetMm"] = parameters["offsetMm"]?.DeepClone() ?? new JsonObject { ["x"] = 0, ["y"] = 0 },
            ["bytes"] = pdf.Length,
        };
        // The JSON last: a watcher of the folder sees a job only once its PDF is complete.
        File.WriteAllText(Path.Combine(options.JobsFolder, number + ".json"), job.ToJsonString(SimulatorOptions.Json));
        return Ok(id, new JsonObject { ["job"] = number });
    }

    private static JsonObject Ok(string id, JsonObject result) => new() { ["v"] = ProtocolVersion, ["id"] = id, ["ok"] = true, ["result"] = result };

    private static JsonObject Error(string? id, string code, string message) => new()
    {
        ["v"] = ProtocolVersion, ["id"] = id, ["ok"] = false, ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    };

    private Task SendAsync(JsonObject answer, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(answer.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
}
