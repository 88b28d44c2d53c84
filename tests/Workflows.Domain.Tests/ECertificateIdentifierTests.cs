namespace Workflows.Domain.Tests;

public class ECertificateIdentifierTests
{
    private const string Issuer = "91350100M000100Y43";

    [Theory]
    // ISAN (ISO 15706) uses the same MOD 37,36 system; its published example
    // "ISAN 0000-0000-D07A-0090-Q-0000-0000-X" is an independent check of the algorithm.
    [InlineData("00000000D07A0090", 'Q')]
    [InlineData("00000000D07A009000000000", 'X')]
    public void ComputeCheckCharacter_PublishedIsanExample_Matches(string text, char expected) =>
        Assert.Equal(expected, ECertificateIdentifier.ComputeCheckCharacter(text));

    [Fact]
    public void Build_ThenIsValid_RoundTrips()
    {
        var identifier = ECertificateIdentifier.Build("11100000MB0143029D", Issuer, "20260001", 7);

        Assert.True(ECertificateIdentifier.IsValid(identifier));
        var parts = identifier[ECertificateIdentifier.Prefix.Length..].Split('.');
        Assert.Equal(["11100000MB0143029D", Issuer, "20260001", "007"], parts[..4]);
        Assert.Equal(ECertificateIdentifier.ComputeCheckCharacter("11100000MB0143029D" + Issuer + "20260001" + "007"), parts[4].Single());
    }

    [Fact]
    public void Build_StartsWithTheOidPrefix() =>
        Assert.StartsWith("1.2.156.3005.2.", ECertificateIdentifier.Build("T01", Issuer, "1", 0));

    [Fact]
    public void IsValid_AnySingleCharacterChangedInTheMiddleParts_ReturnsFalse()
    {
        var identifier = ECertificateIdentifier.Build("A1B2", Issuer, "00XY9", 12);
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var checkPosition = identifier.Length - 1;
        for (var position = ECertificateIdentifier.Prefix.Length; position < checkPosition - 1; position++)
        {
            if (identifier[position] == '.')
            {
                continue;
            }

            foreach (var replacement in alphabet.Where(c => c != identifier[position]))
            {
                var altered = identifier[..position] + replacement + identifier[(position + 1)..];
                Assert.False(ECertificateIdentifier.IsValid(altered), altered);
            }
        }
    }

    [Fact]
    public void IsValid_WrongCheckCharacter_ReturnsFalse()
    {
        var identifier = ECertificateIdentifier.Build("A1B2", Issuer, "00XY9", 12);
        var wrong = identifier[^1] == '0' ? '1' : '0';
        Assert.False(ECertificateIdentifier.IsValid(identifier[..^1] + wrong));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.2.156.3005.3.A1.91350100M000100Y43.1.001.0")] // wrong arc
    [InlineData("1.2.156.3005.2.A1.91350100M000100Y43.1.001")] // missing check
    [InlineData("1.2.156.3005.2.A1.91350100M000100Y43.1.01.0")] // 2-digit version
    [InlineData("1.2.156.3005.2..91350100M000100Y43.1.001.0")] // empty type code
    [InlineData("1.2.156.3005.2.a1.91350100M000100Y43.1.001.0")] // lowercase
    public void IsValid_MalformedIdentifier_ReturnsFalse(string? identifier) =>
        Assert.False(ECertificateIdentifier.IsValid(identifier));

    [Fact]
    public void IsValid_InvalidIssuerUsccWithMatchingCheck_ReturnsFalse()
    {
        const string badIssuer = "91350100M000100Y44";
        var middle = "A1" + badIssuer + "1" + "001";
        var identifier = $"1.2.156.3005.2.A1.{badIssuer}.1.001.{ECertificateIdentifier.ComputeCheckCharacter(middle)}";
        Assert.False(ECertificateIdentifier.IsValid(identifier));
    }

    [Fact]
    public void Build_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => ECertificateIdentifier.Build("A1", "91350100M000100Y44", "1", 1));
        Assert.Throws<ArgumentException>(() => ECertificateIdentifier.Build("", Issuer, "1", 1));
        Assert.Throws<ArgumentException>(() => ECertificateIdentifier.Build("A.1", Issuer, "1", 1));
        Assert.Throws<ArgumentException>(() => ECertificateIdentifier.Build("A1", Issuer, "x", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ECertificateIdentifier.Build("A1", Issuer, "1", 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => ECertificateIdentifier.Build("A1", Issuer, "1", -1));
    }

    [Fact]
    public void ComputeCheckCharacter_CharacterOutsideAlphabet_Throws()
    {
        Assert.Throws<ArgumentException>(() => ECertificateIdentifier.ComputeCheckCharacter("AB.C"));
        Assert.Throws<ArgumentException>(() => ECertificateIdentifier.ComputeCheckCharacter(""));
    }
}
