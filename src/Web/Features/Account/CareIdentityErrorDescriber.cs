using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Account;

/// <summary>ASP.NET Core Identity's messages that people see (password rules, user names), in the reader's language.</summary>
public sealed class CareIdentityErrorDescriber(IStringLocalizer<CareIdentityErrorDescriber> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(base.DefaultError(), text["Something went wrong. Try again."]);

    public override IdentityError PasswordMismatch() => Error(base.PasswordMismatch(), text["The current password is wrong."]);

    public override IdentityError PasswordTooShort(int length) =>
        Error(base.PasswordTooShort(length), text["The password must have at least {0} characters.", length]);

    public override IdentityError PasswordRequiresDigit() =>
        Error(base.PasswordRequiresDigit(), text["The password must contain a digit (0-9)."]);

    public override IdentityError PasswordRequiresLower() =>
        Error(base.PasswordRequiresLower(), text["The password must contain a lowercase letter (a-z)."]);

    public override IdentityError PasswordRequiresUpper() =>
        Error(base.PasswordRequiresUpper(), text["The password must contain an uppercase letter (A-Z)."]);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(base.PasswordRequiresNonAlphanumeric(), text["The password must contain a character that is not a letter or a digit."]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(base.PasswordRequiresUniqueChars(uniqueChars), text["The password must contain at least {0} different characters.", uniqueChars]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(base.DuplicateUserName(userName), text["The user name {0} is already taken.", userName]);

    public override IdentityError InvalidUserName(string? userName) =>
        Error(base.InvalidUserName(userName), text["The user name {0} may only contain letters, digits and . - _ @", userName ?? ""]);

    // The code stays Identity's, so code that reacts to a particular error keeps working.
    private static IdentityError Error(IdentityError original, string description) => new() { Code = original.Code, Description = description };
}
