using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Security;

/// <summary>
/// ASP.NET Core Identity's messages (password rules, taken user names) in the language of the person who acts, for the
/// administration pages and the password change. The English keys are Identity's own texts, so English reads as before.
/// </summary>
public sealed class IdentityErrorTexts : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Word(base.DefaultError(), "An unknown failure has occurred.");

    public override IdentityError ConcurrencyFailure() => Word(base.ConcurrencyFailure(), "Optimistic concurrency failure, object has been modified.");

    public override IdentityError PasswordMismatch() => Word(base.PasswordMismatch(), "Incorrect password.");

    public override IdentityError InvalidToken() => Word(base.InvalidToken(), "Invalid token.");

    public override IdentityError InvalidUserName(string? userName) =>
        Word(base.InvalidUserName(userName), "Username '{0}' is invalid, can only contain letters or digits.", userName ?? "");

    public override IdentityError DuplicateUserName(string userName) =>
        Word(base.DuplicateUserName(userName), "Username '{0}' is already taken.", userName);

    public override IdentityError PasswordTooShort(int length) =>
        Word(base.PasswordTooShort(length), "Passwords must be at least {0} characters.", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Word(base.PasswordRequiresUniqueChars(uniqueChars), "Passwords must use at least {0} different characters.", uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Word(base.PasswordRequiresNonAlphanumeric(), "Passwords must have at least one non alphanumeric character.");

    public override IdentityError PasswordRequiresDigit() => Word(base.PasswordRequiresDigit(), "Passwords must have at least one digit ('0'-'9').");

    public override IdentityError PasswordRequiresLower() => Word(base.PasswordRequiresLower(), "Passwords must have at least one lowercase ('a'-'z').");

    public override IdentityError PasswordRequiresUpper() => Word(base.PasswordRequiresUpper(), "Passwords must have at least one uppercase ('A'-'Z').");

    private static IdentityError Word(IdentityError error, string text, params object[] values) =>
        new() { Code = error.Code, Description = Text[text, values] };

    private static IStringLocalizer Text => Localization.StaticText.For(typeof(IdentityErrorTexts));
}
