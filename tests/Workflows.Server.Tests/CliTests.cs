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
}
