namespace Workflows.Scripting.Tests;

public class ScriptAnalyzerTests
{
    [Fact]
    public void Analyze_FindsFreeNamesWithTheirPositions()
    {
        var analysis = ScriptAnalyzer.Analyze("applicant.type == 'person' && age(applicant.idNumber) >= 18");

        Assert.Null(analysis.SyntaxError);
        Assert.Equal(
            [new ScriptName("applicant", 1, 1), new ScriptName("age", 1, 31), new ScriptName("applicant", 1, 35)],
            analysis.FreeNames);
    }

    [Fact]
    public void Analyze_FindsMembersOfFreeNames_DottedAndBracketed_AtTheMembersPosition()
    {
        var analysis = ScriptAnalyzer.Analyze("form.schoolLevel === '高中' &&\n  materials['id-card'].received");

        Assert.Equal(
            [new ScriptMember("form", "schoolLevel", 1, 6), new ScriptMember("materials", "id-card", 2, 13)],
            analysis.Members);
    }

    [Fact]
    public void Analyze_IgnoresDeclaredVariablesFunctionsAndParameters()
    {
        var analysis = ScriptAnalyzer.Analyze(
            "var limit = 18; function older(p) { var y = age(p); return y > limit; } older(applicant.idNumber) && later(); function later() { return true; }");

        Assert.Equal(["age", "applicant"], analysis.FreeNames.Select(name => name.Name));
    }

    [Fact]
    public void Analyze_VariablesAreHoistedToTheirFunction()
    {
        var analysis = ScriptAnalyzer.Analyze("(function() { if (x) { var x = 1; } return x; })() + y");

        Assert.Equal(["y"], analysis.FreeNames.Select(name => name.Name));
    }

    [Fact]
    public void Analyze_ADeclarationInsideAFunction_DoesNotHideTheNameOutside()
    {
        const string source = "function f() { var form = 1; return form; } f() + form.x";

        var analysis = ScriptAnalyzer.Analyze(source);

        var outside = source.LastIndexOf("form", StringComparison.Ordinal);
        Assert.Equal([new ScriptName("form", 1, outside + 1)], analysis.FreeNames);
        Assert.Equal([new ScriptMember("form", "x", 1, source.LastIndexOf('x') + 1)], analysis.Members);
    }

    [Fact]
    public void Analyze_IgnoresObjectLiteralKeysAndPropertyNames()
    {
        var analysis = ScriptAnalyzer.Analyze("({ type: form.kind, 'name': 1 }).type");

        Assert.Equal(["form"], analysis.FreeNames.Select(name => name.Name));
        Assert.Equal([new ScriptMember("form", "kind", 1, 15)], analysis.Members);
    }

    [Fact]
    public void Analyze_MembersOfDeclaredNames_AreNotReported()
    {
        var analysis = ScriptAnalyzer.Analyze("var form2 = {}; form2.x + [1].length");

        Assert.Empty(analysis.Members);
        Assert.Empty(analysis.FreeNames);
    }

    [Fact]
    public void Analyze_ComputedMembersWithoutALiteralKey_AreNotMembers()
    {
        var analysis = ScriptAnalyzer.Analyze("form[key]");

        Assert.Empty(analysis.Members);
        Assert.Equal(["form", "key"], analysis.FreeNames.Select(name => name.Name));
    }

    [Fact]
    public void Analyze_HelperMembers_AreReportedLikeAnyOther()
    {
        var analysis = ScriptAnalyzer.Analyze("idcard.valid(applicant.idNumber) && workdays.add(today, 3)");

        Assert.Equal(
            [("idcard", "valid"), ("applicant", "idNumber"), ("workdays", "add")],
            analysis.Members.Select(member => (member.Root, member.Member)));
        Assert.Contains(analysis.FreeNames, name => name.Name == "today");
    }

    [Fact]
    public void Analyze_CatchParametersAndFunctionExpressionNames_AreLocal()
    {
        var analysis = ScriptAnalyzer.Analyze("try { x() } catch (e) { e.message } (function self(n) { return n ? self(n - 1) : arguments.length; })(2)");

        Assert.Equal(["x"], analysis.FreeNames.Select(name => name.Name));
    }

    [Fact]
    public void Analyze_PlainAssignmentWritesWithoutReading_CompoundAssignmentReads()
    {
        Assert.Empty(ScriptAnalyzer.Analyze("total = 1").FreeNames);
        Assert.Equal(["total"], ScriptAnalyzer.Analyze("total += 1").FreeNames.Select(name => name.Name));
    }

    [Fact]
    public void Analyze_LabelsAreNotNames() =>
        Assert.Empty(ScriptAnalyzer.Analyze("outer: for (var i = 0; i < 2; i++) { continue outer; }").FreeNames);

    [Fact]
    public void Analyze_SyntaxError_IsReportedWithOneBasedPosition()
    {
        var analysis = ScriptAnalyzer.Analyze("form.a &&\n  (form.b");

        Assert.NotNull(analysis.SyntaxError);
        Assert.Equal((2, 10), (analysis.SyntaxError.Line, analysis.SyntaxError.Column));
        Assert.StartsWith("脚本语法错误", analysis.SyntaxError.Message);
        Assert.Empty(analysis.FreeNames);
        Assert.Empty(analysis.Members);
    }

    [Fact]
    public void Analyze_RefusedConstructs_AreReportedAsErrors()
    {
        Assert.Contains("with", ScriptAnalyzer.Analyze("with (form) { x }").SyntaxError?.Message);
        Assert.Contains("嵌套", ScriptAnalyzer.Analyze(new string('[', 3000) + new string(']', 3000)).SyntaxError?.Message);
        Assert.Contains("长度", ScriptAnalyzer.Analyze(new string(' ', 30_000) + "1").SyntaxError?.Message);
    }

    [Fact]
    public void Analyze_CaseIsAReservedWord_SoItCannotBeReadDirectly() =>
        Assert.NotNull(ScriptAnalyzer.Analyze("case.number").SyntaxError);
}
