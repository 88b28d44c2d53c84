using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage.Sqlite;

namespace Workflows.Benchmarks.Cases;

/// <summary>
/// <c>./bench-cases.sh</c>: complete lifecycles per second against bpmn-engine, and the intake
/// request over HTTP on an empty store and on one holding <c>seeded</c> cases, in one run.
/// The machine's cores are shared, so each side's CPU time per lifecycle is printed beside its
/// rate: the rate depends on what else runs, the CPU time much less.
/// </summary>
public static class CaseBenchmark
{
    private const int Concurrency = 2; // one per core, on both sides
    private const int IntakeWarmUp = 300;
    private const int IntakeRequests = 3000;

    public static async Task<int> RunAsync(string root, int lifecycles, int seeded)
    {
        var work = Path.Combine(root, ".bench", "cases");
        var definitions = LifecycleCounty.Generate(root, work);
        var templates = Path.Combine(work, "templates");
        var serverDll = Path.Combine(root, "server", "Workflows.Server", "bin", "Release", "net10.0", "Workflows.Server.dll");
        var catalog = new DefinitionCatalog(definitions, templates, NullLogger<DefinitionCatalog>.Instance);
        if (!catalog.Reload()) { Console.Error.WriteLine("bench county has errors:\n" + string.Join("\n", catalog.LastDiagnostics)); return 1; }
        Console.WriteLine($"流程：受理 → 审查 → (水务局审查 ∥ 农业农村局审查) → 汇总 → 审批决定 → 办结；两侧并发均为 {Concurrency}（每核一个）");

        // 1. Lifecycles: bpmn-engine, then ours on a fresh SQLite file.
        Console.WriteLine($"bpmn-engine：{lifecycles:N0} 个完整流程（{Concurrency} 个 node 进程）…");
        var peer = await PeerBpmn.RunAsync(Path.Combine(root, "tests", "Workflows.Benchmarks", "peer-bpmn"), Path.Combine(work, "peer-state"), lifecycles, Concurrency);
        Console.WriteLine($"  {peer.PerSecond:0}/秒，CPU {peer.CpuMsPerLifecycle:0.0} ms/个");
        Console.WriteLine($"我们（CaseService + SQLite，{Concurrency} 个并发）：{lifecycles:N0} 个完整流程 …");
        var data = Path.Combine(work, "lifecycles");
        Directory.CreateDirectory(data);
        (double PerSecond, double CpuMsPerLifecycle) ours;
        await using (var store = await SqliteCaseStore.OpenInFolderAsync(data))
        {
            var service = new CaseService(store, catalog, data);
            var warmUp = await WarmUpAsync(service);
            var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
            ours = await LifecycleRun.RunAsync(service, lifecycles, Concurrency);
            jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitted;
            Console.WriteLine($"  预热 {warmUp:N0} 个（至即时编译完成），计时期间新编译方法 {jitted:N0} 个");
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"  {ours.PerSecond:0}/秒，CPU {ours.CpuMsPerLifecycle:0.0} ms/个");
        if (Environment.GetEnvironmentVariable("WORKFLOWS_BENCH_LIFECYCLES_ONLY") == "1") return 0;

        // 2. Intake over HTTP on an empty store.
        Console.WriteLine($"受理请求（HTTP，空库）：预热 {IntakeWarmUp}，计时 {IntakeRequests} …");
        double[] empty;
        ReadRun.Figures emptyReads;
        var emptyData = Path.Combine(work, "data-empty");
        if (Directory.Exists(emptyData)) Directory.Delete(emptyData, recursive: true);
        await using (var server = await IntakeRun.StartAsync(serverDll, definitions, emptyData))
        {
            empty = await server.MeasureAsync(IntakeWarmUp, IntakeRequests);
            emptyReads = await ReadRun.MeasureAsync(server.Address);
        }
        Console.WriteLine($"  p50 {IntakeRun.Percentile(empty, 0.5):0.0} ms，p95 {IntakeRun.Percentile(empty, 0.95):0.0} ms；待办 p95 {emptyReads.InboxP95:0.0} ms（{emptyReads.InboxTotal} 件），" +
            $"查询 p95 {emptyReads.SearchP95:0.0} ms，监督 {emptyReads.SupervisionMs:0} ms，统计 {emptyReads.ReportMs:0} ms");

        // 3. The same with the bulk-seeded store.
        Console.WriteLine($"批量写入 {seeded:N0} 件办结办件 …");
        var seededData = Path.Combine(work, "data-seeded");
        if (Directory.Exists(seededData)) Directory.Delete(seededData, recursive: true);
        Directory.CreateDirectory(seededData);
        await BulkSeeder.SeedAsync(definitions, templates, Path.Combine(work, "seed-templates"), seededData, seeded, Console.Out);
        Console.WriteLine($"受理请求（HTTP，{seeded:N0} 件）：预热 {IntakeWarmUp}，计时 {IntakeRequests} …");
        double[] full;
        ReadRun.Figures fullReads;
        await using (var server = await IntakeRun.StartAsync(serverDll, definitions, seededData))
        {
            full = await server.MeasureAsync(IntakeWarmUp, IntakeRequests);
            Console.WriteLine("待办、查询、监督（同一服务）…");
            fullReads = await ReadRun.MeasureAsync(server.Address);
        }

        var (p50, p95) = (IntakeRun.Percentile(empty, 0.50), IntakeRun.Percentile(empty, 0.95));
        var (f50, f95) = (IntakeRun.Percentile(full, 0.50), IntakeRun.Percentile(full, 0.95));
        var ratio = ours.PerSecond / peer.PerSecond;
        var cpuRatio = peer.CpuMsPerLifecycle / ours.CpuMsPerLifecycle;
        Console.WriteLine();
        Console.WriteLine($"                                      我们           bpmn-engine     比值");
        Console.WriteLine($"完整流程/秒（每步落盘，并发 {Concurrency}）        {ours.PerSecond,8:0}        {peer.PerSecond,8:0}         {ratio:0.0}×");
        Console.WriteLine($"每个完整流程的 CPU 时间               {ours.CpuMsPerLifecycle,6:0.0} ms     {peer.CpuMsPerLifecycle,6:0.0} ms        {cpuRatio:0.0}× 更省");
        Console.WriteLine($"受理请求 p50 / p95（空库）            {p50,5:0.0} / {p95,4:0.0} ms");
        Console.WriteLine($"受理请求 p50 / p95（{seeded:N0} 件）   {f50,5:0.0} / {f95,4:0.0} ms               p50 {f50 / p50:0.00}×  p95 {f95 / p95:0.00}×");
        Console.WriteLine($"待办首页 p95（本部门，{emptyReads.InboxTotal}/{fullReads.InboxTotal} 件）  空库 {emptyReads.InboxP95,6:0.0} ms   {seeded:N0} 件 {fullReads.InboxP95,6:0.0} ms   {fullReads.InboxP95 / emptyReads.InboxP95:0.00}×");
        Console.WriteLine($"按申请人查询 p95                    空库 {emptyReads.SearchP95,6:0.0} ms   {seeded:N0} 件 {fullReads.SearchP95,6:0.0} ms   {fullReads.SearchP95 / emptyReads.SearchP95:0.00}×");
        Console.WriteLine($"效能监督 /api/supervision（中位）   空库 {emptyReads.SupervisionMs,6:0.0} ms   {seeded:N0} 件 {fullReads.SupervisionMs,6:0.0} ms");
        Console.WriteLine($"效能统计 /api/supervision/report    空库 {emptyReads.ReportMs,6:0.0} ms   {seeded:N0} 件 {fullReads.ReportMs,6:0.0} ms");
        Console.WriteLine($"（机器负载 {LoadAverage()}）");
        Console.WriteLine();
        Target("完整流程 ≥ 500/秒（SQLite）", ours.PerSecond >= 500, $"{ours.PerSecond:0}/秒");
        Target("完整流程 ≥ 3× bpmn-engine", ratio >= 3, $"{ratio:0.0}×");
        Target("受理 p95 < 20 ms", p95 < 20, $"{p95:0.0} ms");
        Target($"{seeded:N0} 件时待办 p95 < 20 ms", fullReads.InboxP95 < 20, $"{fullReads.InboxP95:0.0} ms");
        Target($"{seeded:N0} 件时查询 p95 < 50 ms", fullReads.SearchP95 < 50, $"{fullReads.SearchP95:0.0} ms");
        Target($"{seeded:N0} 件时监督与统计 < 1 s", fullReads.SupervisionMs < 1000 && fullReads.ReportMs < 1000, $"{fullReads.SupervisionMs:0} / {fullReads.ReportMs:0} ms");
        Target($"{seeded:N0} 件时受理延迟在空库的 120% 以内", f50 <= p50 * 1.2 && f95 <= p95 * 1.2, $"p50 {f50 / p50:0.00}×，p95 {f95 / p95:0.00}×");
        return 0;
    }

    /// <summary>
    /// Lifecycles until the runtime has finished compiling: .NET first runs methods unoptimised and
    /// recompiles the hot ones in the background (tiered compilation), here some 5,000 methods over the
    /// first ~1,500 lifecycles. A 200-lifecycle warm-up left that inside the measured run, where it
    /// cost about half the CPU time of 2,000 lifecycles; a server running for hours pays it once.
    /// Rounds of 200 until one compiles fewer than 50 methods (at most 4,000 lifecycles).
    /// </summary>
    private static async Task<int> WarmUpAsync(CaseService service)
    {
        const int Round = 200;
        var done = 0;
        do
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await LifecycleRun.RunAsync(service, Round, Concurrency);
            done += Round;
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - before < 50) return done;
        }
        while (done < 4000);
        return done;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "未知";

    private static void Target(string name, bool met, string value) =>
        Console.WriteLine($"  {(met ? "达标" : "未达标")}  {name}：{value}");
}
