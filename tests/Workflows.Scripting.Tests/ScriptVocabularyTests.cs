namespace Workflows.Scripting.Tests;

public class ScriptVocabularyTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Fact]
    public void Globals_AreAllDefinedInTheSandbox()
    {
        foreach (var name in ScriptVocabulary.Globals.Where(name => name is not ("undefined" or "case")))
        {
            Assert.True(_sandbox.EvaluateCondition($"typeof {name} !== 'undefined'"), name);
        }

        Assert.True(_sandbox.EvaluateCondition("typeof this['case'] === 'object'"));
    }

    [Fact]
    public void HelperMembers_AreAllFunctionsInTheSandbox()
    {
        foreach (var (helper, members) in ScriptVocabulary.HelperMembers)
        {
            Assert.Contains(helper, ScriptVocabulary.Globals);
            foreach (var member in members)
            {
                Assert.True(_sandbox.EvaluateCondition($"typeof {helper}.{member} === 'function'"), $"{helper}.{member}");
            }
        }
    }

    [Fact]
    public void Globals_LeaveOutUnsafeOrUnneededBuiltIns()
    {
        Assert.DoesNotContain("eval", ScriptVocabulary.Globals);
        Assert.DoesNotContain("Function", ScriptVocabulary.Globals);
        Assert.DoesNotContain("Date", ScriptVocabulary.Globals);
    }

    [Fact]
    public void ApplicantMembers_AreTheApplicantFieldsOfTheDefinitionFormat() =>
        Assert.Equal(
            ["address", "idNumber", "legalRepresentative", "name", "phone", "type", "uscc"],
            ScriptVocabulary.ApplicantMembers.Order());

    [Fact]
    public void Analyzer_AndVocabulary_TogetherFlagUnknownNames()
    {
        var analysis = ScriptAnalyzer.Analyze("applicant.nmae == '张三' && idcard.vaild(x)");

        var unknownNames = analysis.FreeNames.Where(name => !ScriptVocabulary.Globals.Contains(name.Name)).Select(name => name.Name);
        var unknownMembers = analysis.Members.Where(member =>
            (member.Root == "applicant" && !ScriptVocabulary.ApplicantMembers.Contains(member.Member)) ||
            (ScriptVocabulary.HelperMembers.TryGetValue(member.Root, out var helper) && !helper.Contains(member.Member)));

        Assert.Equal(["x"], unknownNames);
        Assert.Equal(["nmae", "vaild"], unknownMembers.Select(member => member.Member));
    }
}
