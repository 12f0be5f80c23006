using System.Globalization;
using CareWorkspace.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace CareWorkspace.UnitTests.Localization;

public sealed class IdentityErrorTextsTests
{
    public static TheoryData<string> Errors() =>
    [
        nameof(IdentityErrorDescriber.PasswordTooShort), nameof(IdentityErrorDescriber.PasswordRequiresDigit),
        nameof(IdentityErrorDescriber.PasswordRequiresLower), nameof(IdentityErrorDescriber.PasswordRequiresUpper),
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric), nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars),
        nameof(IdentityErrorDescriber.DuplicateUserName), nameof(IdentityErrorDescriber.InvalidUserName),
        nameof(IdentityErrorDescriber.PasswordMismatch), nameof(IdentityErrorDescriber.InvalidToken),
        nameof(IdentityErrorDescriber.ConcurrencyFailure), nameof(IdentityErrorDescriber.DefaultError),
    ];

    [Theory]
    [MemberData(nameof(Errors))]
    public void InEnglish_IdentitysOwnTextStands(string error)
    {
        Use("en-GB");

        Assert.Equal(Describe(new IdentityErrorDescriber(), error), Describe(new IdentityErrorTexts(), error));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void InDanish_TheTextIsDanish_WithTheSameCode(string error)
    {
        Use("da-DK");

        var danish = Describe(new IdentityErrorTexts(), error);

        Assert.NotEqual(Describe(new IdentityErrorDescriber(), error), danish);
    }

    [Fact]
    public void PasswordTooShort_InDanish_SaysHowLong()
    {
        Use("da-DK");

        Assert.Equal("Adgangskoden skal være på mindst 10 tegn.", new IdentityErrorTexts().PasswordTooShort(10).Description);
        Assert.Equal(nameof(IdentityErrorDescriber.PasswordTooShort), new IdentityErrorTexts().PasswordTooShort(10).Code);
    }

    private static string Describe(IdentityErrorDescriber describer, string error)
    {
        var method = typeof(IdentityErrorDescriber).GetMethod(error)!;
        object?[] values = method.GetParameters().Length == 0 ? [] : [method.GetParameters()[0].ParameterType == typeof(int) ? 10 : "lise"];
        return ((IdentityError)method.Invoke(describer, values)!).Description;
    }

    private static void Use(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }
}
