namespace Workflows.Server.Tests;

/// <summary>The real command line, run as a process, as a user or git runs it.</summary>
public class CliTests
{
    [Fact]
    public void Validate_SampleDefinitions_ExitsZero()
    {
        var result = Repo.Cli(Repo.Root, "validate", "definitions");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("0 个错误", result.Out);
    }

    [Fact]
    public void Validate_CopyWithABrokenFile_ExitsOneNamingFileLineAndColumn()
    {
        using var county = new Repo.SampleCounty();
        county.Replace("items/water-permit/guide.yaml", "type: licensing", "type: licensin");

        var result = Repo.Cli(county.Root, "validate", "definitions");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"definitions/items/water-permit/guide\.yaml:\d+:7: error WF1006: ", result.Error);
    }

    [Fact]
    public void Help_IsInChinese_WithTheEnglishAfter()
    {
        var result = Repo.Cli(Repo.Root, "render", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("用法:", result.Out);
        Assert.Contains("选项:", result.Out);
        Assert.Contains("显示帮助和用法 (show help and usage)", result.Out);
        Assert.DoesNotContain("Show help and usage information", result.Out);
    }

    /// <summary>
    /// Every command's and subcommand's <c>--help</c>, found by walking the 命令 sections from the root:
    /// no line may be English only. The usage line and the left column (command, option and argument
    /// names, which are typed as they are) are left out; what remains with Latin letters must carry Chinese.
    /// </summary>
    [Fact]
    public void EveryCommandsHelp_IsInChinese_WithTheEnglishAfter()
    {
        var englishOnly = new List<string>();
        var chineseOnly = new List<string>();
        var pending = new Queue<string[]>([[]]);
        var seen = 0;
        while (pending.TryDequeue(out var path))
        {
            var result = Repo.Cli(Repo.Root, [.. path, "--help"]);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', path)} --help: {result.All}");
            seen++;
            string? section = null;
            foreach (var line in result.Out.Split('\n').Select(l => l.TrimEnd()))
            {
                if (line.Length == 0) continue;
                if (!line.StartsWith(' ')) { section = line.TrimEnd(':', ' '); CheckText(path, line, englishOnly); continue; }
                if (section == "用法") continue;
                // "  name <ARG>  description": the first column is a name; a line of its own continues a description.
                var columns = System.Text.RegularExpressions.Regex.Match(line, @"^  (\S(?:\S| (?! ))*)(?:  +(.*))?$");
                var text = section != "说明" && columns.Success ? columns.Groups[2].Value : line.Trim();
                if (section == "命令" && columns.Success && !columns.Groups[1].Value.StartsWith('-'))
                    pending.Enqueue([.. path, columns.Groups[1].Value.Split(' ')[0]]);
                CheckText(path, text, englishOnly);
                // A description (not the usage lines, not a continuation) says it in English after the Chinese: "中文 (English)".
                if (section is "选项" or "命令" or "参数" && columns.Success && columns.Groups[2].Value.Length > 0
                    && columns.Groups[2].Value.Any(c => c is >= '\u4e00' and <= '\u9fff')
                    && !System.Text.RegularExpressions.Regex.IsMatch(columns.Groups[2].Value, @"\([^)]*[A-Za-z]{3,}[^)]*\)"))
                    chineseOnly.Add($"workflows {string.Join(' ', path)} --help: {line.Trim()}");
            }
        }
        Assert.True(seen > 12, $"only {seen} commands' help was read");
        Assert.True(englishOnly.Count == 0, "English-only help lines:\n" + string.Join('\n', englishOnly));
        Assert.True(chineseOnly.Count == 0, "help lines without the English after the Chinese:\n" + string.Join('\n', chineseOnly));
    }

    private static void CheckText(string[] path, string text, List<string> englishOnly)
    {
        var latin = text.Any(char.IsAsciiLetter);
        var chinese = text.Any(c => c is >= '\u4e00' and <= '\u9fff');
        if (latin && !chinese) englishOnly.Add($"workflows {string.Join(' ', path)} --help: {text}");
    }

    [Fact]
    public void UsageErrors_AreInChineseWithTheEnglishAfter_AndExitTwo()
    {
        var missing = Repo.Cli(Repo.Root, "render", "notices/acceptance");
        var unknown = Repo.Cli(Repo.Root, "bogus");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("用法错误: 缺少必需的选项 --out (Option '--out' is required)", missing.Error);
        Assert.Contains("./workflows render --help", missing.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Matches(@"用法错误: 未识别命令或参数.*bogus.* \(Unrecognized command or argument 'bogus'\)", unknown.Error);
    }

    [Fact]
    public void Workdays_AcrossSpringFestival2026_SkipsHolidaysAndCountsTheMakeUpSaturday()
    {
        var result = Repo.Cli(Repo.Root, "workdays", "2026-02-13", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2026-02-25", result.Out.Trim());
    }

    [Fact]
    public void Workdays_IntoAYearWithoutSchedule_SkipsTheStatutoryHolidayAndSaysProvisional()
    {
        // No 2027 schedule in the sample county: 元旦 (Fri 2027-01-01) is still a statutory holiday.
        var result = Repo.Cli(Repo.Root, "workdays", "2026-12-31", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2027-01-04 （暂定 provisional）", result.Out.Trim());
        Assert.Contains("2027", result.Error);
    }

    [Fact]
    public void Eval_IdCardHelper_PrintsJsonTrue()
    {
        var result = Repo.Cli(Repo.Root, "eval", "idcard.valid('11010519491231002X')");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("true", result.Out.Trim());
    }

    [Fact]
    public void Eval_WithSampleData_ReadsApplicantAndForm()
    {
        using var county = new Repo.SampleCounty();
        var data = Path.Combine(county.Root, "data.json");
        File.WriteAllText(data, """{ "applicant": { "type": "person", "idNumber": "11010519491231002X" }, "form": { "area": 200 } }""");

        var result = Repo.Cli(Repo.Root, "eval", "[idcard.gender(applicant.idNumber), form.area >= 180]", "--data", data);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""["female",true]""", result.Out.Trim());
    }

    [Fact]
    public void Eval_InfiniteLoop_PrintsTheLimitErrorAndExitsNonZero()
    {
        var result = Repo.Cli(Repo.Root, "eval", "(function(){ while(true){} })()");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches("error WF410[34]", result.Error);
    }

    [Fact]
    public void FmtCheck_OnTheSampleCounty_FindsEverythingCanonical()
    {
        var result = Repo.Cli(Repo.Root, "fmt", "definitions", "--check");

        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public void Fmt_RewritesANonCanonicalFile_AndThenCheckPasses()
    {
        using var county = new Repo.SampleCounty();
        File.WriteAllText(county.PathOf("roles.yaml"), File.ReadAllText(county.PathOf("roles.yaml")).Replace("  name: ", "  name:   "));
        File.AppendAllText(county.PathOf("roles.yaml"), "# 注释会被移除\n");

        var check = Repo.Cli(county.Root, "fmt", "definitions", "--check");
        var fmt = Repo.Cli(county.Root, "fmt", "definitions");
        var again = Repo.Cli(county.Root, "fmt", "definitions", "--check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("roles.yaml", check.Out);
        Assert.Equal(0, fmt.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Definitions, "roles.yaml")), File.ReadAllText(county.PathOf("roles.yaml")));
    }

    [Fact]
    public void Fmt_NeverRewritesAFileItCannotFullyRead()
    {
        using var county = new Repo.SampleCounty();
        county.Replace("roles.yaml", "  scope: window", "  scope: window\n  colour: red");
        var before = File.ReadAllText(county.PathOf("roles.yaml"));

        var result = Repo.Cli(county.Root, "fmt", "definitions");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("WF1003", result.Error);
        Assert.Equal(before, File.ReadAllText(county.PathOf("roles.yaml")));
    }

    [Fact]
    public void Diff_TwoFolders_PrintsChangesInDomainWords()
    {
        using var county = new Repo.SampleCounty();
        county.Replace("items/teacher-qualification/guide.yaml", "  promised: 15wd", "  promised: 12wd");

        var result = Repo.Cli(Repo.Root, "diff", Repo.Definitions, county.Definitions);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("items/teacher-qualification/guide.yaml", result.Out);
        Assert.Contains("承诺时限: 15 → 12 工作日", result.Out);
    }

    [Fact]
    public void Diff_TwoGitRevisions_ReadsBothFromTheRepository()
    {
        using var county = new Repo.SampleCounty();
        Repo.Git(county.Root, "init", "-q", "-b", "main");
        Repo.Git(county.Root, "add", "-A");
        Repo.Git(county.Root, "commit", "-q", "-m", "v1");
        county.Replace("windows.yaml", "    - water\n", "");
        Repo.Git(county.Root, "commit", "-q", "-am", "v2");

        var result = Repo.Cli(county.Root, "diff", "HEAD~1", "HEAD");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("窗口 综合受理2号窗口: 受理部门 删除 water", result.Out);
    }

    [Fact]
    public void GitDiff_WithTheDocumentedDriver_ShowsDomainWords()
    {
        using var county = new Repo.SampleCounty();
        File.WriteAllText(Path.Combine(county.Root, ".gitattributes"), "definitions/**/*.yaml diff=workflows\n");
        Repo.Git(county.Root, "init", "-q", "-b", "main");
        Repo.Git(county.Root, "add", "-A");
        Repo.Git(county.Root, "commit", "-q", "-m", "v1");
        var cli = Path.Combine(Repo.Root, "workflows");
        Repo.Git(county.Root, "config", "diff.workflows.command", $"{cli} git-diff");
        county.Replace("items/teacher-qualification/guide.yaml", "  promised: 15wd", "  promised: 12wd");

        var output = Repo.Git(county.Root, "diff");

        Assert.Contains("承诺时限: 15 → 12 工作日", output);
    }

    [Fact]
    public void SchemaCheck_CommittedSchemasMatchTheModel()
    {
        var result = Repo.Cli(Repo.Root, "schema", "definitions/.schemas", "--check");

        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public void SchemaCheck_GivenTheDefinitionsFolder_ChecksItsSchemasAndWritesNothing()
    {
        using var county = new Repo.SampleCounty();
        var before = Directory.GetFileSystemEntries(county.Definitions).Order().ToArray();

        var result = Repo.Cli(county.Root, "schema", "definitions", "--check");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("均为最新", result.Out);
        Assert.Equal(before, Directory.GetFileSystemEntries(county.Definitions).Order().ToArray());
    }

    [Fact]
    public void SchemaCheck_AStaleSchema_ExitsOneNamingIt_AndOutWritesWhereItSays()
    {
        using var county = new Repo.SampleCounty();
        var schemas = Path.Combine(county.Definitions, ".schemas");
        var stale = Directory.GetFiles(schemas, "*.json").Order().First();
        File.WriteAllText(stale, "{}");

        var check = Repo.Cli(county.Root, "schema", "--check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(Path.GetFileName(stale) + ": 已过期", check.Out);
        Assert.Equal("{}", File.ReadAllText(stale));

        var elsewhere = Path.Combine(county.Root, "out");
        var written = Repo.Cli(county.Root, "schema", "--out", elsewhere);
        Assert.True(written.ExitCode == 0, written.All);
        Assert.Equal(Directory.GetFiles(schemas, "*.json").Length, Directory.GetFiles(elsewhere, "*.json").Length);
        Assert.Equal("{}", File.ReadAllText(stale));
    }

    /// <summary>
    /// The <c>workflows</c> script, its output piped as git or a script would: once the server is built,
    /// a plugin's freshly generated obj/*.cs does not make it build again (the dll is left as it was)
    /// and nothing but the command's own answer is printed.
    /// </summary>
    [Fact]
    public void Script_AfterABuild_DoesNotRebuildForPluginObjFiles_AndPrintsOnlyTheAnswer()
    {
        RunScript(null, "workdays", "2026-02-13", "3"); // builds once if this configuration has not yet
        var dll = Path.Combine(Repo.Root, "server", "Workflows.Server", "bin", "Release", "net10.0", "Workflows.Server.dll");
        var built = File.GetLastWriteTimeUtc(dll);
        var obj = Path.Combine(Repo.Root, "plugins", "Workflows.Plugins.SharedCertificates", "obj");
        Directory.CreateDirectory(obj);
        var generated = Path.Combine(obj, $"cli-test-{Guid.NewGuid():N}.cs");
        File.WriteAllText(generated, "// as a plugin build leaves it");
        File.SetLastWriteTimeUtc(generated, built.AddMinutes(1));
        var shim = Directory.CreateTempSubdirectory("wf-dotnet-shim-");
        try
        {
            // The real dotnet behind a recorder on PATH: what the script asked of it.
            var calls = Path.Combine(shim.FullName, "calls.txt");
            var dotnet = Path.Combine(shim.FullName, "dotnet");
            File.WriteAllText(dotnet, $"#!/bin/sh\necho \"$*\" >> '{calls}'\nexec '{RealDotnet()}' \"$@\"\n");
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var (exitCode, stdout, stderr) = RunScript(shim.FullName, "workdays", "2026-02-13", "3");

            Assert.True(exitCode == 0, stdout + stderr);
            Assert.Equal("2026-02-25\n", stdout);
            Assert.Equal("", stderr);
            Assert.Equal(built, File.GetLastWriteTimeUtc(dll));
            var asked = File.ReadAllLines(calls);
            Assert.DoesNotContain(asked, c => c.StartsWith("build", StringComparison.Ordinal));
            Assert.Single(asked, c => c.Contains("Workflows.Server.dll workdays", StringComparison.Ordinal));
        }
        finally { File.Delete(generated); shim.Delete(recursive: true); }
    }

    [Theory]
    [InlineData("", "http://127.0.0.1:5080")]
    [InlineData("--demo --urls http://0.0.0.0:6000", "http://127.0.0.1:6000")]
    [InlineData("--urls=http://192.168.1.20:8080 --demo", "http://192.168.1.20:8080")]
    public void RunScript_AnnouncesTheUrlItReallyServes(string args, string shown)
    {
        var info = new System.Diagnostics.ProcessStartInfo("bash") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"set -euo pipefail; source scripts/served-url.sh; served_urls {args}");
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(shown, stdout.Trim());
    }

    [Fact]
    public async Task Users_AddListResetDisable_WithTheAdminScreensRules()
    {
        using var county = new Repo.SampleCounty();
        var data = Path.Combine(county.Root, "data");
        await (await Hosting.CaseStores.OpenAsync(data, null)).DisposeAsync();

        var weak = Repo.Cli(county.Root, "users", "add", "wang-fang", "--name", "王芳", "--role", "clerk", "--window", "comprehensive-1", "--password", "abcdefghijk", "--data", data);
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("error WF9602: 密码不能只由一类字符组成", weak.Error);

        var added = Repo.Cli(county.Root, "users", "add", "wang-fang", "--name", "王芳", "--role", "clerk", "--role", "reviewer", "--window", "comprehensive-1", "--password", "Window-2026", "--data", data);
        Assert.True(added.ExitCode == 0, added.All);
        Assert.Equal(1, Repo.Cli(county.Root, "users", "add", "wang-fang", "--name", "王芳", "--role", "clerk", "--password", "Window-2026", "--data", data).ExitCode);
        Assert.Equal(0, Repo.Cli(county.Root, "users", "disable", "wang-fang", "--data", data).ExitCode);
        Assert.Equal(0, Repo.Cli(county.Root, "users", "reset", "wang-fang", "--password", "Another-2026", "--data", data).ExitCode);

        var list = Repo.Cli(county.Root, "users", "list", "--data", data);
        Assert.True(list.ExitCode == 0, list.All);
        Assert.Equal("wang-fang\t王芳\tclerk,reviewer\t-\tcomprehensive-1\t已停用\t须改密码\t从未登录", list.Out.Trim());
        Assert.Equal(1, Repo.Cli(county.Root, "users", "disable", "nobody", "--data", data).ExitCode);
    }

    [Fact]
    public async Task Credit_AddListLift_KeepsTheLiftedMarkAndLogsEachChange()
    {
        using var county = new Repo.SampleCounty();
        var data = Path.Combine(county.Root, "data");
        await (await Hosting.CaseStores.OpenAsync(data, null)).DisposeAsync();

        var bad = Repo.Cli(county.Root, "credit", "add", "12345", "--name", "张三", "--reason", "失信被执行人", "--basis", "名单", "--data", data);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("error WF9630: ", bad.Error);
        var added = Repo.Cli(county.Root, "credit", "add", "230903199001010019", "--name", "张三", "--reason", "失信被执行人",
            "--basis", "法院失信被执行人名单 (2026)黑0903执123号", "--until", "2099-12-31", "--data", data);
        Assert.True(added.ExitCode == 0, added.All);
        var id = added.Out.Trim().Split(' ')[1];
        Assert.StartsWith("dishonest:", id);

        var listed = Repo.Cli(county.Root, "credit", "list", "--applicant", "230903199001010019", "--data", data);
        Assert.True(listed.ExitCode == 0, listed.All);
        Assert.Contains($"{id}\tdishonest\t230903199001010019\t张三\t", listed.Out);
        Assert.Contains("\t至 2099-12-31\t有效\t失信被执行人\t法院失信被执行人名单 (2026)黑0903执123号", listed.Out);

        Assert.Equal(0, Repo.Cli(county.Root, "credit", "lift", id, "--reason", "已履行判决义务", "--data", data).ExitCode);
        var again = Repo.Cli(county.Root, "credit", "lift", id, "--reason", "again", "--data", data);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("error WF9634: ", again.Error);
        Assert.Contains("\t已解除 ", Repo.Cli(county.Root, "credit", "list", "--data", data).Out);

        await using var store = await Hosting.CaseStores.OpenAsync(data, null);
        var logged = await ((Storage.ISecurityStore)store).ReadSecurityEventsAsync(DateTimeOffset.UtcNow.AddHours(-1), null, null, 10);
        Assert.Equal(["credit-mark-lifted", "credit-mark-added"], logged.Select(e => e.Kind));
        Assert.All(logged, e => Assert.Equal(id, e.Target));
        Assert.All(logged, e => Assert.StartsWith("cli:", e.UserName));
    }

    private static string RealDotnet() =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "dotnet")).First(File.Exists);

    private static (int ExitCode, string Out, string Error) RunScript(string? pathFirst, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(Path.Combine(Repo.Root, "workflows"))
        {
            WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (pathFirst is not null) info.Environment["PATH"] = pathFirst + ":" + Environment.GetEnvironmentVariable("PATH");
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) { process.Kill(entireProcessTree: true); throw new TimeoutException("./workflows did not finish"); }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
