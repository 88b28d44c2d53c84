using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflows.DeviceSimulator;

/// <summary>
/// What the simulator answers with, from its command line:
/// <c>--port 17380</c>, <c>--jobs &lt;folder&gt;</c> (print jobs land here), <c>--idcard &lt;file.json&gt;</c>
/// (the card on the reader), <c>--no-card</c> (the reader is empty), <c>--no-camera</c>, <c>--printers a,b</c>
/// (the printers the PC has), <c>--origin &lt;url&gt;</c> (the only page origin allowed to connect; default any).
/// </summary>
public sealed record SimulatorOptions(int Port, string JobsFolder, JsonObject? IdCard, bool Camera, IReadOnlyList<string> Printers, string? Origin)
{
    public const int DefaultPort = 17380;

    /// <summary>The sample card: a valid resident ID number (GB 11643 check digit), as the chip of a second-generation card reads.</summary>
    public static JsonObject SampleCard() => new()
    {
        ["name"] = "赵桂芝",
        ["sex"] = "女",
        ["nation"] = "汉",
        ["birthDate"] = "1988-07-15",
        ["address"] = "黑龙江省七台河市桃山区桃北街道学府街18号",
        ["idNumber"] = "230903198807150024",
        ["authority"] = "七台河市公安局桃山分局",
        ["validFrom"] = "2018-07-20",
        ["validTo"] = "2038-07-20",
    };

    public static SimulatorOptions Parse(string[] args)
    {
        int port = DefaultPort;
        string jobs = Path.Combine(Path.GetTempPath(), "workflows-device-jobs");
        JsonObject? card = SampleCard();
        var camera = true;
        IReadOnlyList<string> printers = ["通知书打印机", "证照打印机"];
        string? origin = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} 缺少取值 (missing value)");
            switch (args[i])
            {
                case "--port": port = int.TryParse(Next(), out var p) && p is > 0 and < 65536 ? p : throw new ArgumentException("--port 应为 1–65535 (invalid port)"); break;
                case "--jobs": jobs = Path.GetFullPath(Next()); break;
                case "--idcard": card = JsonNode.Parse(File.ReadAllText(Next())) as JsonObject ?? throw new ArgumentException("--idcard 文件应为 JSON 对象 (expected a JSON object)"); break;
                case "--no-card": card = null; break;
                case "--no-camera": camera = false; break;
                case "--printers": printers = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--origin": origin = Next().TrimEnd('/'); break;
                default: throw new ArgumentException($"未知参数 {args[i]} (unknown option); 可用：--port --jobs --idcard --no-card --no-camera --printers --origin");
            }
        }
        return new SimulatorOptions(port, jobs, card, camera, printers, origin);
    }

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
