using System.Globalization;

namespace CareWorkspace.Infrastructure.Notifications;

/// <summary>Who is told, and in which language (their own PreferredLanguage, else Danish).</summary>
public sealed record NotificationRecipient(string UserId, string? Email, string? PhoneNumber, CultureInfo Language)
{
    public static CultureInfo LanguageOf(string? preferredLanguage)
    {
        if (!string.IsNullOrWhiteSpace(preferredLanguage))
        {
            try
            {
                var culture = CultureInfo.GetCultureInfo(preferredLanguage);
                if (culture.TwoLetterISOLanguageName == "en")
                    return CultureInfo.GetCultureInfo("en-GB");
            }
            catch (CultureNotFoundException)
            {
                // An unknown stored language falls back to Danish, as for everyone who never chose one.
            }
        }
        return CultureInfo.GetCultureInfo("da-DK");
    }
}
