namespace Workflows.Domain.Tests;

public class UsccTests
{
    private const string Sample = "91350100M000100Y43"; // DOMAIN.md §6
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    [Fact]
    public void IsValid_Sample_ReturnsTrue() => Assert.True(Uscc.IsValid(Sample));

    [Fact]
    public void ComputeCheckCharacter_Sample_GivesPrintedCheckCharacter() =>
        Assert.Equal('3', Uscc.ComputeCheckCharacter(Sample[..17]));

    [Fact]
    public void IsValid_AnyOtherCheckCharacter_ReturnsFalse()
    {
        foreach (var wrong in Alphabet.Where(c => c != '3'))
        {
            Assert.False(Uscc.IsValid(Sample[..17] + wrong), $"check character {wrong}");
        }
    }

    [Fact]
    public void IsValid_AnySingleCharacterChangedInTheBody_ReturnsFalse()
    {
        // Weights are non-zero mod 31 (a prime), so every single substitution is caught.
        for (var position = 0; position < 17; position++)
        {
            foreach (var replacement in Alphabet.Where(c => c != Sample[position]))
            {
                var altered = Sample[..position] + replacement + Sample[(position + 1)..];
                Assert.False(Uscc.IsValid(altered), altered);
            }
        }
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void ForbiddenLetter_IsRejected_EvenWithAComputedCheck(char forbidden)
    {
        var body = "91350100" + forbidden + "000100Y4";
        Assert.Throws<ArgumentException>(() => Uscc.ComputeCheckCharacter(body));
        foreach (var check in Alphabet)
        {
            Assert.False(Uscc.IsValid(body + check));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100m000100y43")] // the standard writes letters in uppercase
    [InlineData("91350100M000100Y4-")]
    public void IsValid_MalformedInput_ReturnsFalse(string? code) => Assert.False(Uscc.IsValid(code));

    [Fact]
    public void ComputeCheckCharacter_ForAnyBody_ProducesAValidCode()
    {
        foreach (var body in new[] { "91110108MA01A2B3C", "12100000400000000", "Y1440300000000000", "51110000500000217" })
        {
            Assert.True(Uscc.IsValid(body + Uscc.ComputeCheckCharacter(body)), body);
        }
    }

    [Theory]
    [InlineData("91350100M000100Y")]
    [InlineData("91350100M000100Y43")]
    public void ComputeCheckCharacter_NotSeventeenCharacters_Throws(string body) =>
        Assert.Throws<ArgumentException>(() => Uscc.ComputeCheckCharacter(body));
}
