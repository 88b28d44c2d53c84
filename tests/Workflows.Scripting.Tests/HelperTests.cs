using Workflows.Domain;

namespace Workflows.Scripting.Tests;

public class HelperTests
{
    private const string ValidId = "11010519491231002X"; // GB 11643 sample: born 1949-12-31, sequence 002 (female)
    private const string ValidUscc = "91350100M000100Y43"; // GB 32100 sample

    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Theory]
    [InlineData("'" + ValidId + "'", true)]
    [InlineData("'11010519491231002x'", true)]
    [InlineData("'110105194912310021'", false)]
    [InlineData("'1101051949123'", false)]
    [InlineData("110105194912310020", false)] // a number is not an ID text
    [InlineData("undefined", false)]
    [InlineData("form.missing", false)]
    public void IdcardValid_ChecksTheResidentIdCheckCharacter(string argument, bool expected) =>
        Assert.Equal(expected, _sandbox.EvaluateCondition($"idcard.valid({argument})"));

    [Fact]
    public void IdcardBirth_GivesTheEncodedDate_OrNull()
    {
        Assert.Equal("1949-12-31", _sandbox.Evaluate($"idcard.birth('{ValidId}')")!.GetValue<string>());
        Assert.Null(_sandbox.Evaluate("idcard.birth('110105194912310021')"));
    }

    [Fact]
    public void IdcardGender_ReadsTheSequenceDigit_OrNull()
    {
        var maleBody = "44052418800101001";
        var male = maleBody + ResidentId.ComputeCheckCharacter(maleBody);

        Assert.Equal("female", _sandbox.Evaluate($"idcard.gender('{ValidId}')")!.GetValue<string>());
        Assert.Equal("male", _sandbox.Evaluate($"idcard.gender('{male}')")!.GetValue<string>());
        Assert.Null(_sandbox.Evaluate("idcard.gender('not an id')"));
    }

    [Theory]
    [InlineData("'" + ValidUscc + "'", true)]
    [InlineData("'91350100M000100Y44'", false)]
    [InlineData("'91350100I000100Y43'", false)]
    [InlineData("null", false)]
    public void UsccValid_ChecksTheCreditCodeCheckCharacter(string argument, bool expected) =>
        Assert.Equal(expected, _sandbox.EvaluateCondition($"uscc.valid({argument})"));

    [Theory]
    [InlineData("age('" + ValidId + "', '2026-02-13')", 76)]
    [InlineData("age('" + ValidId + "', '2025-12-30')", 75)] // the day before the 76th birthday
    [InlineData("age('" + ValidId + "', '2025-12-31')", 76)]
    [InlineData("age('2008-02-14', '2026-02-13')", 17)]
    [InlineData("age('2008-02-13', '2026-02-13')", 18)]
    [InlineData("age('2000-02-29', '2026-02-28')", 25)] // leap-day birth: a year older on 1 March
    [InlineData("age('2000-02-29', '2026-03-01')", 26)]
    [InlineData("age('2000-02-29', '2024-02-29')", 24)]
    public void Age_GivesWholeYearsAtTheGivenDate(string expression, int expected) =>
        Assert.Equal(expected, _sandbox.Evaluate(expression)!.GetValue<int>());

    [Fact]
    public void Age_WithoutADate_CountsToToday()
    {
        Assert.Equal(17, _sandbox.Evaluate("age('2008-02-14')")!.GetValue<int>());
        Assert.True(_sandbox.EvaluateCondition("age('2008-02-13') >= 18"));
    }

    [Theory]
    [InlineData("age('110105194912310021')")]
    [InlineData("age('2008-02-30')")]
    [InlineData("age('2008/02/13')")]
    [InlineData("age('2008-02-13', 'tomorrow')")]
    [InlineData("age()")]
    public void Age_OfSomethingThatIsNotAnIdOrADate_IsNull(string expression) =>
        Assert.Null(_sandbox.Evaluate(expression));

    [Fact]
    public void Age_OnBadInput_MakesAConditionFalseRatherThanFail() =>
        Assert.False(_sandbox.EvaluateCondition("age(applicant.idNumber) >= 18", Sandboxes.Data("""{"applicant":{"idNumber":"bad"}}""")));

    [Theory]
    [InlineData("'2026-02-13'", "3", "2026-02-25")] // Sat 2/14 make-up, 2/15–23 Spring Festival
    [InlineData("'2026-02-13'", "'3'", "2026-02-25")] // form fields arrive as strings
    [InlineData("'2026-02-13'", "0", "2026-02-13")]
    [InlineData("'2026-02-25'", "-3", "2026-02-13")]
    [InlineData("'2026-09-30'", "1", "2026-10-08")]
    [InlineData("today", "1", "2026-02-14")]
    public void WorkdaysAdd_CountsWorkingDaysOfTheCalendar(string start, string n, string expected) =>
        Assert.Equal(expected, _sandbox.Evaluate($"workdays.add({start}, {n})")!.GetValue<string>());

    [Theory]
    [InlineData("workdays.add('2026-02-30', 3)")]
    [InlineData("workdays.add('2026-02-13', 'three')")]
    [InlineData("workdays.add('2026-02-13', 1e9)")]
    [InlineData("workdays.add('9999-12-30', 10)")]
    [InlineData("workdays.between('2026-02-13', null)")]
    public void Workdays_OnInputTheyCannotAnswer_AreNull(string expression) =>
        Assert.Null(_sandbox.Evaluate(expression));

    [Fact]
    public void WorkdaysBetween_CountsWorkingDaysAfterTheFirstDateUpToTheSecond()
    {
        Assert.Equal(3, _sandbox.Evaluate("workdays.between('2026-02-13', '2026-02-25')")!.GetValue<int>());
        Assert.Equal(-3, _sandbox.Evaluate("workdays.between('2026-02-25', '2026-02-13')")!.GetValue<int>());
        Assert.Equal(20, _sandbox.Evaluate("workdays.between('2026-03-01', workdays.add('2026-03-01', 20))")!.GetValue<int>());
    }

    [Theory]
    [InlineData("'yyyy年M月d日'", "2026年2月13日")]
    [InlineData("'yyyy-MM-dd'", "2026-02-13")]
    [InlineData("'yyyy/M/d'", "2026/2/13")]
    [InlineData("'yy.MM.dd'", "26.02.13")]
    [InlineData("'M月d日'", "2月13日")]
    [InlineData("undefined", "2026-02-13")]
    public void DateFormat_WritesYearMonthAndDayFields(string pattern, string expected) =>
        Assert.Equal(expected, _sandbox.Evaluate($"date.format('2026-02-13', {pattern})")!.GetValue<string>());

    [Fact]
    public void DateFormat_SingleDigitDayIsNotPadded_AndOtherLettersAreKept() =>
        Assert.Equal("2026-3-5 hh", _sandbox.Evaluate("date.format('2026-03-05', 'yyyy-M-d hh')")!.GetValue<string>());

    [Theory]
    [InlineData("date.addDays('2026-02-13', 20)", "2026-03-05")]
    [InlineData("date.addDays('2026-02-13', -44)", "2025-12-31")]
    [InlineData("date.addDays('2024-02-28', 1)", "2024-02-29")]
    public void DateAddDays_AddsCalendarDays(string expression, string expected) =>
        Assert.Equal(expected, _sandbox.Evaluate(expression)!.GetValue<string>());

    [Theory]
    [InlineData("date.addDays('9999-12-31', 1)")]
    [InlineData("date.addDays('not a date', 1)")]
    [InlineData("date.format(20260213, 'yyyy')")]
    public void DateHelpers_OnInputTheyCannotAnswer_AreNull(string expression) =>
        Assert.Null(_sandbox.Evaluate(expression));

    [Fact]
    public void Today_IsTheInjectedDateAsText()
    {
        var sandbox = new ScriptSandbox(Sandboxes.Calendar2026, () => new DateOnly(2026, 11, 22));

        Assert.Equal("2026-11-22", sandbox.Evaluate("today")!.GetValue<string>());
    }

    [Fact]
    public void Today_IsReadForEveryEvaluation()
    {
        var day = new DateOnly(2026, 1, 1);
        var sandbox = new ScriptSandbox(Sandboxes.Calendar2026, () => day);

        Assert.Equal("2026-01-01", sandbox.Evaluate("today")!.GetValue<string>());
        day = day.AddDays(1);
        Assert.Equal("2026-01-02", sandbox.Evaluate("today")!.GetValue<string>());
    }

    [Fact]
    public void Helpers_CombineInARealisticCondition()
    {
        var data = Sandboxes.Data($$$"""{"applicant":{"type":"person","idNumber":"{{{ValidId}}}"},"form":{"schoolLevel":"高中"}}""");

        Assert.True(_sandbox.EvaluateCondition(
            "applicant.type == 'person' && idcard.valid(applicant.idNumber) && age(applicant.idNumber) >= 18 && form.schoolLevel === '高中'",
            data));
    }
}
