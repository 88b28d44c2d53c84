using System.CommandLine;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Cli;

/// <summary>
/// <c>workflows audit verify [--data DIR] [--postgres CONN]</c>: recomputes every case's event
/// hash chain and lists each edited, deleted or reordered event (全过程留痕 must be provable).
/// Exit 0 intact, 1 tampered, 2 no store to check.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "数据目录 (data folder)", DefaultValueFactory = _ => "data" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL 连接字符串（多节点部署时） (PostgreSQL connection string, for several nodes)" };
        var verify = new Command("verify", "校验办件事件日志的哈希链 (verify the event log's hash chains)") { data, postgres };
        verify.SetAction(async (result, cancel) =>
        {
            var folder = result.GetValue(data)!;
            var connection = result.GetValue(postgres);
            // Opening a SQLite store creates it: never create one just to report it empty.
            if (connection is null && !File.Exists(CaseStores.SqlitePath(folder)))
            {
                Console.Error.WriteLine($"{CaseStores.SqlitePath(folder)}: 没有办件库 (no case store here)");
                return CliApp.BadUsage;
            }
            await using var store = await CaseStores.OpenAsync(folder, connection, cancel);
            var breaks = await store.VerifyAsync(cancel);
            foreach (var b in breaks) Console.WriteLine($"办件 {b.CaseId} 事件 {b.Sequence}: {Describe(b.Kind)} — {b.Detail}");
            Console.WriteLine(breaks.Count == 0
                ? "事件日志完整，未发现篡改 (every hash chain is intact)"
                : $"发现 {breaks.Count} 处断链 ({breaks.Count} broken links)");
            return breaks.Count == 0 ? CliApp.Ok : CliApp.Failed;
        });
        return new Command("audit", "审计 (audit)") { verify };
    }

    private static string Describe(ChainBreakKind kind) => kind switch
    {
        ChainBreakKind.HashMismatch => "内容被修改或顺序被调换 (edited or moved)",
        ChainBreakKind.MissingEvent => "事件被删除 (deleted)",
        ChainBreakKind.HeadMismatch => "末尾事件被删除或追加 (trailing events removed or added)",
        ChainBreakKind.OrphanEvents => "办件记录已不存在 (case row missing)",
        _ => kind.ToString(),
    };
}
