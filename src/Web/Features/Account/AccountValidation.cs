using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Account;

/// <summary>
/// Validation messages of the account forms in the reader's language. DataAnnotations reads them by name:
/// <c>[Required(ErrorMessageResourceType = typeof(AccountValidation), ErrorMessageResourceName = nameof(AccountValidation.EnterUserName))]</c>.
/// </summary>
public static class AccountValidation
{
    public static string EnterUserName => Text["Enter your user name."];

    public static string EnterPassword => Text["Enter your password."];

    public static string EnterCurrentPassword => Text["Enter the password you signed in with."];

    public static string EnterNewPassword => Text["Enter a new password."];

    public static string NewPasswordLength => Text["The new password must have at least {2} characters."];

    public static string RepeatNewPassword => Text["Repeat the new password."];

    public static string PasswordsDiffer => Text["The two new passwords differ."];

    private static IStringLocalizer Text => Localization.StaticText.For(typeof(AccountValidation));
}
