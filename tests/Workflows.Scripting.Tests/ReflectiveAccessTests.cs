namespace Workflows.Scripting.Tests;

/// <summary>
/// The static checker refuses what leads from a value to a constructor or a prototype, at the
/// member's position, so <c>./workflows validate</c> can point at it; plain data stays readable.
/// </summary>
public class ReflectiveAccessTests
{
    [Theory]
    [InlineData("({})['constr' + 'uctor']", null, 1, 6)]
    [InlineData("form.name.constructor", "constructor", 1, 11)]
    [InlineData("form['__proto__']", "__proto__", 1, 6)]
    [InlineData("Array.prototype.map", "prototype", 1, 7)]
    [InlineData("[1, 2][form.i]", null, 1, 8)]
    [InlineData("var o = form; o[form.k]", null, 1, 17)]
    [InlineData("'abc'['sub' + 'str'](1)", null, 1, 7)]
    [InlineData("form.a &&\n  today.constructor", "constructor", 2, 9)]
    public void Analyze_ReflectiveAccess_IsReportedWhereItIs(string source, string? member, int line, int column)
    {
        var analysis = ScriptAnalyzer.Analyze(source);

        Assert.Null(analysis.SyntaxError);
        Assert.Contains(new ScriptReflection(member, line, column), analysis.Reflections);
    }

    [Theory]
    [InlineData("materials['staff-health'].received == false")]
    [InlineData("form.rows[form.index].amount > 0")]
    [InlineData("form.list[0] == 'a' && form['by-agent'] == 'yes'")]
    [InlineData("[1, 2, 3][0] == 1 && 'abc'[1] == 'b'")]
    [InlineData("applicant.type == 'person' && age(applicant.idNumber) >= 18")]
    public void Analyze_DataAccess_IsNotReflective(string source) =>
        Assert.Empty(ScriptAnalyzer.Analyze(source).Reflections);

    [Theory]
    [InlineData("[1].map(x => x)")]
    [InlineData("let a = 1; a")]
    [InlineData("`${form.a}`")]
    [InlineData("class A {}")]
    [InlineData("[...form.list]")]
    [InlineData("with (form) { a }")]
    public void Analyze_BeyondEs5Strict_IsASyntaxError(string source) =>
        Assert.NotNull(ScriptAnalyzer.Analyze(source).SyntaxError);
}
