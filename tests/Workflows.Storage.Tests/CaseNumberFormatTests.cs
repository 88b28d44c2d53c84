namespace Workflows.Storage.Tests;

public sealed class CaseNumberFormatTests
{
    [Theory]
    [InlineData("{short-name}-{year}-{seq:6}", "桃山-2026-000123")]
    [InlineData("{year}{short-name}第{seq:4}号", "2026桃山第0123号")]
    [InlineData("TS{year}{seq}", "TS2026123")]
    public void Format_FillsEveryPlaceholder(string pattern, string expected) =>
        Assert.Equal(expected, new CaseNumberFormat(pattern).Format("桃山", 2026, 123).Text);

    [Theory]
    [InlineData("{short-name}-{year}")]
    [InlineData("{short-name}-{yaer}-{seq}")]
    [InlineData("{short-name}-{seq:0}")]
    [InlineData("{short-name}-{seq")]
    public void Constructor_InvalidPattern_FailsWithFormatException(string pattern) =>
        Assert.Throws<FormatException>(() => new CaseNumberFormat(pattern));
}
