using System.Diagnostics;
using Workflows.Benchmarks;
using Workflows.Definitions.Loading;
using Workflows.Server.Hosting;
using YamlDotNet.Serialization;

// Usage: Workflows.Benchmarks cases [REPO_ROOT] [LIFECYCLES] [SEEDED]: the case benchmark (./bench-cases.sh).
if (args.Length > 0 && args[0] == "cases")
{
    return await Workflows.Benchmarks.Cases.CaseBenchmark.RunAsync(
        args.Length > 1 ? args[1] : ".", args.Length > 2 ? int.Parse(args[2]) : 2000, args.Length > 3 ? int.Parse(args[3]) : 1_000_000);
}

// Usage: Workflows.Benchmarks conditions [REPO_ROOT] [ROUNDS]: the sandbox's fast path against its guarded path (./bench.sh conditions).
if (args.Length > 0 && args[0] == "conditions")
{
    return ConditionBenchmark.Run(args.Length > 1 ? args[1] : ".", args.Length > 2 ? int.Parse(args[2]) : 21);
}

// Usage: Workflows.Benchmarks [REPO_ROOT] [ITEMS]
// Loads and validates a generated county of ITEMS items (default 1,000), then reloads one changed
// item; the peer is YamlDotNet parsing the same files into plain dictionaries (no mapping, no
// positions, no validation), measured in the same run.
var root = args.Length > 0 ? args[0] : ".";
var count = args.Length > 1 ? int.Parse(args[1]) : 1000;
var work = Path.Combine(root, ".bench", "county");
ItemGenerator.Generate(Path.Combine(root, "definitions"), Path.Combine(root, "templates"), work, count);
var definitions = Path.Combine(work, "definitions");
var templates = Path.Combine(work, "templates");
var today = DateOnly.FromDateTime(DateTime.Now);
var yamlFiles = Directory.GetFiles(definitions, "*.yaml", SearchOption.AllDirectories);
Console.WriteLine($"生成 {count} 个事项，{yamlFiles.Length} 个 YAML 文件，{yamlFiles.Sum(f => new FileInfo(f).Length) / 1024} KB");

// First run includes JIT and cold caches: reported on its own.
var first = Time(() => DefinitionPipeline.LoadAndValidate(definitions, templates, today));
var set = DefinitionPipeline.LoadAndValidate(definitions, templates, today);
var errors = set.Diagnostics.Items.Count(d => d.IsError);
if (errors > 0) { Console.Error.WriteLine($"generated county has {errors} errors: {set.Diagnostics.Items.First(d => d.IsError)}"); return 1; }

var ours = Median(5, () => DefinitionPipeline.LoadAndValidate(definitions, templates, today));
var deserializer = new DeserializerBuilder().Build();
var peer = Median(5, () => { foreach (var f in yamlFiles) deserializer.Deserialize<object>(File.ReadAllText(f)); });

// Reload one changed item: read its four files, map them, validate it against the loaded set.
var changed = set.Items[count / 2];
var guidePath = Path.Combine(definitions, "items", changed.Id, "guide.yaml");
var validator = DefinitionPipeline.Validator();
var toggle = 0;
var reload = Median(50, () =>
{
    File.WriteAllText(guidePath, File.ReadAllText(guidePath).Replace(toggle++ % 2 == 0 ? "  promised: " : "  promised:  ", toggle % 2 == 1 ? "  promised:  " : "  promised: "));
    var diagnostics = new Workflows.Definitions.Diagnostics.DiagnosticBag();
    var item = DefinitionLoader.LoadItem(definitions, changed.Id, set.Sources, diagnostics);
    validator.ValidateItem(set, item, today);
});
var peerOne = Median(50, () => { foreach (var f in Directory.GetFiles(Path.GetDirectoryName(guidePath)!)) deserializer.Deserialize<object>(File.ReadAllText(f)); });

Console.WriteLine($"全部加载并校验（首次，含 JIT）: {first:0} ms");
Console.WriteLine($"全部加载并校验（中位数）:      {ours:0} ms   目标 < 2000 ms   {(ours < 2000 ? "达标" : "未达标")}");
Console.WriteLine($"  对照 YamlDotNet 仅解析:       {peer:0} ms   比值 {ours / peer:0.00}×（我们多做：定位、映射、引用/语义/脚本/模板校验）");
Console.WriteLine($"重新加载一个事项（中位数）:    {reload:0.0} ms   目标 < 50 ms   {(reload < 50 ? "达标" : "未达标")}");
Console.WriteLine($"  对照 YamlDotNet 仅解析:       {peerOne:0.0} ms   比值 {reload / peerOne:0.00}×");
return 0;

static double Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed.TotalMilliseconds;
}

static double Median(int runs, Action action)
{
    var times = Enumerable.Range(0, runs).Select(_ => Time(action)).Order().ToList();
    return times[runs / 2];
}
