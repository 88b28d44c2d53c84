namespace Workflows.Domain.Tests;

public class ResidentIdTests
{
    // Both samples are printed in GB 11643-1999 itself.
    private const string BeijingSample = "11010519491231002X";
    private const string ShantouSample = "440524188001010014";

    [Theory]
    [InlineData(BeijingSample)]
    [InlineData(ShantouSample)]
    public void IsValid_StandardSamples_ReturnsTrue(string id) => Assert.True(ResidentId.IsValid(id));

    [Fact]
    public void IsValid_LowercaseX_IsAccepted() => Assert.True(ResidentId.IsValid("11010519491231002x"));

    [Theory]
    [InlineData(BeijingSample, 'X')]
    [InlineData(ShantouSample, '4')]
    public void ComputeCheckCharacter_StandardSamples_GivesPrintedCheckCharacter(string id, char expected) =>
        Assert.Equal(expected, ResidentId.ComputeCheckCharacter(id[..17]));

    [Fact]
    public void IsValid_AnyOtherCheckCharacter_ReturnsFalse()
    {
        foreach (var wrong in "0123456789".Where(c => c != 'X'))
        {
            Assert.False(ResidentId.IsValid(BeijingSample[..17] + wrong), $"check character {wrong}");
        }
    }

    [Fact]
    public void IsValid_AnySingleDigitChangedInTheBody_ReturnsFalse()
    {
        // Weights are non-zero mod 11, so every single substitution changes the check character.
        for (var position = 0; position < 17; position++)
        {
            foreach (var digit in "0123456789".Where(d => d != ShantouSample[position]))
            {
                var altered = ShantouSample[..position] + digit + ShantouSample[(position + 1)..];
                Assert.False(ResidentId.IsValid(altered), altered);
            }
        }
    }

    [Theory]
    [InlineData("19490230")] // 30 February
    [InlineData("20230229")] // 29 February in a common year
    [InlineData("19491301")] // month 13
    [InlineData("19490100")] // day 0
    public void IsValid_ImpossibleBirthDateWithMatchingCheckCharacter_ReturnsFalse(string birth)
    {
        var body = "110105" + birth + "002";
        Assert.False(ResidentId.IsValid(body + ResidentId.ComputeCheckCharacter(body)));
    }

    [Fact]
    public void IsValid_LeapDayBirthDate_ReturnsTrue()
    {
        var body = "110105" + "20000229" + "003";
        Assert.True(ResidentId.IsValid(body + ResidentId.ComputeCheckCharacter(body)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("11010519491231002X0")] // 19 characters
    [InlineData("110105194912310021X")]
    [InlineData("1101051949123100AX")] // letter in the body
    [InlineData("１１0105194912310０2X")] // full-width digits
    [InlineData("11010519491231002Y")]
    public void IsValid_MalformedInput_ReturnsFalse(string? id) => Assert.False(ResidentId.IsValid(id));

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100A")]
    public void ComputeCheckCharacter_NotSeventeenDigits_Throws(string body) =>
        Assert.Throws<ArgumentException>(() => ResidentId.ComputeCheckCharacter(body));

    [Fact]
    public void BirthDate_ValidId_ReadsTheEncodedDate()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), ResidentId.BirthDate(BeijingSample));
        Assert.Equal(new DateOnly(1880, 1, 1), ResidentId.BirthDate(ShantouSample));
    }

    [Fact]
    public void GenderOf_OddSequenceDigit_IsMale_EvenIsFemale()
    {
        Assert.Equal(Gender.Female, ResidentId.GenderOf(BeijingSample)); // sequence 002
        Assert.Equal(Gender.Male, ResidentId.GenderOf(ShantouSample)); // sequence 001
    }

    [Theory]
    [InlineData(null)]
    [InlineData("11010519491231002A")]
    [InlineData("110105194912310029")]
    public void BirthDateAndGender_InvalidId_AreNull(string? id)
    {
        Assert.Null(ResidentId.BirthDate(id));
        Assert.Null(ResidentId.GenderOf(id));
    }
}
