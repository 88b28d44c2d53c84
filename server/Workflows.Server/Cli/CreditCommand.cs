using System.CommandLine;
using System.Globalization;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Cli;

/// <summary>
/// <c>workflows credit list|add|lift [--data DIR] [--postgres CONN]</c>: the office's 信用记录 from the
/// server's shell, with the same rules as the admin screen (<see cref="CreditMarkAdministration"/>).
/// Every change goes to the security log as <c>cli:</c> and the operating-system user.
/// </summary>
public static class CreditCommand
{
    private static readonly Option<string> Data = new("--data") { Description = "数据目录 (data folder)", DefaultValueFactory = _ => "data" };
    private static readonly Option<string?> Postgres = new("--postgres") { Description = "PostgreSQL 连接字符串 (connection string)" };

    public static Command Create()
    {
        var applicant = new Option<string?>("--applicant") { Description = "申请人证件号码或统一社会信用代码 (applicant's ID number or USCC)" };
        var take = new Option<int>("--take") { Description = "最多列出条数 (at most this many)", DefaultValueFactory = _ => 200 };
        var list = new Command("list", "列出信用记录，最新在前 (list credit marks, newest first)") { applicant, take, Data, Postgres };
        list.SetAction((result, cancel) => WithStore(result, cancel, async credit =>
        {
            string? id = null;
            if (result.GetValue(applicant) is { } given && (id = CreditMarkAdministration.NormalizeApplicantId(given)) is null)
                return Report(new CreditMarkProblem(CreditMarkAdministration.ApplicantIdInvalid, "申请人证件号码应为 15 或 18 位 (the applicant's ID number or USCC is invalid)"), "");
            var page = await credit.ListAsync(id, 1, Math.Clamp(result.GetValue(take), 1, 10_000), cancel);
            var today = credit.Today;
            foreach (var m in page.Marks)
            {
                Console.WriteLine(string.Join('\t', m.Id, m.Kind, m.ApplicantId, m.ApplicantName ?? "-", Day(m.MarkedOn),
                    m.ValidUntil is { } until ? "至 " + Day(until) : "长期", m.LiftedOn is { } lifted ? $"已解除 {Day(lifted)} {m.LiftedBy}：{m.LiftReason}" : m.IsActiveOn(today) ? "有效" : "已过期",
                    m.Reason, m.Basis ?? m.CaseNumber ?? "-"));
            }
            Console.Error.WriteLine($"共 {page.Total} 条 ({page.Total} marks)");
            return CliApp.Ok;
        }));

        var applicantId = new Argument<string>("APPLICANT-ID") { Description = "申请人证件号码或统一社会信用代码 (ID number or USCC)" };
        var name = new Option<string>("--name") { Description = "申请人姓名或名称 (applicant name)", Required = true };
        var reason = new Option<string>("--reason") { Description = "事由 (reason)", Required = true };
        var basis = new Option<string>("--basis") { Description = "来源依据，如失信被执行人名单及文号 (source, e.g. the list and its document number)", Required = true };
        var until = new Option<string?>("--until") { Description = "有效期至 yyyy-MM-dd，省略为长期 (valid until; else until lifted)" };
        var add = new Command("add", "新增失信记录 (add a 失信 mark)") { applicantId, name, reason, basis, until, Data, Postgres };
        add.SetAction((result, cancel) => WithStore(result, cancel, async credit =>
        {
            DateOnly? last = null;
            if (result.GetValue(until) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    return Report(new CreditMarkProblem(CreditMarkAdministration.ValidUntilInvalid, "--until 应为日期 yyyy-MM-dd (a date)"), "");
                last = day;
            }
            var (mark, problem) = await credit.AddAsync(new CreditMarkAdministration.Draft(result.GetValue(applicantId)!, result.GetValue(name)!,
                result.GetValue(reason)!, result.GetValue(basis)!, last), Operator, null, cancel);
            return Report(problem, mark is null ? "" : $"已新增失信记录 {mark.Id} (added)");
        }));

        var markId = new Argument<string>("MARK-ID") { Description = "信用记录标识，见 credit list (the mark's id)" };
        var why = new Option<string>("--reason") { Description = "解除理由（信用修复）(why the mark is lifted)", Required = true };
        var lift = new Command("lift", "解除信用记录（信用修复），记录保留 (lift a mark; it is kept)") { markId, why, Data, Postgres };
        lift.SetAction((result, cancel) => WithStore(result, cancel, async credit =>
        {
            var (mark, problem) = await credit.LiftAsync(result.GetValue(markId)!, result.GetValue(why), Operator, null, cancel);
            return Report(problem, $"已解除 {mark?.Id} (lifted)");
        }));

        return new Command("credit", "管理信用记录：失信、虚假承诺与信用修复 (credit marks)") { list, add, lift };
    }

    /// <summary>Who the security log names for a change from the shell.</summary>
    private static string Operator => "cli:" + Environment.UserName;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<int> WithStore(ParseResult result, CancellationToken cancel, Func<CreditMarkAdministration, Task<int>> act)
    {
        var folder = result.GetValue(Data)!;
        var connection = result.GetValue(Postgres);
        if (connection is null && !File.Exists(CaseStores.SqlitePath(folder)))
        {
            Console.Error.WriteLine($"error WF9605: {CaseStores.SqlitePath(folder)}：没有办件库，请用 --data 指定服务器的数据目录 (no store here; pass --data)");
            return CliApp.BadUsage;
        }
        await using var store = await CaseStores.OpenAsync(folder, connection, cancel);
        var security = (ISecurityStore)store;
        return await act(new CreditMarkAdministration((ICreditRecords)store, (e, ct) => security.AppendSecurityEventAsync(e, ct), () => DateTimeOffset.UtcNow));
    }

    private static int Report(CreditMarkProblem? problem, string done)
    {
        if (problem is null) { Console.WriteLine(done); return CliApp.Ok; }
        Console.Error.WriteLine($"error {problem.Code}: {problem.Message}");
        return CliApp.Failed;
    }
}
