using System.Globalization;
using CareWorkspace.Web.Features.Account;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.UnitTests.Localization;

public sealed class TextLookupTests
{
    [Theory]
    [InlineData("da-DK", "Log ind")]
    [InlineData("en-GB", "Log in")]
    public void ComponentTexts_ComeFromTheResourceFilesNextToTheComponent(string culture, string expected)
    {
        Use(culture);

        Assert.Equal(expected, Localizer<Login>()["Log in"].Value);
    }

    [Theory]
    [InlineData("da-DK", "Indtast dit brugernavn.")]
    [InlineData("en-GB", "Enter your user name.")]
    public void StaticHelpers_ReadTheSameResources(string culture, string expected)
    {
        Use(culture);

        Assert.Equal(expected, AccountValidation.EnterUserName);
    }

    [Fact]
    public void MissingText_ShowsTheKey_AndWarnsOnce()
    {
        Use("da-DK");
        var logs = new ListLogger();
        var localizer = Localizer<Login>(logs);

        var text = localizer["A text nobody added"];
        _ = localizer["A text nobody added"];

        Assert.True(text.ResourceNotFound);
        Assert.Equal("A text nobody added", text.Value);
        Assert.Single(logs.Warnings, w => w.Contains("A text nobody added", StringComparison.Ordinal));
    }

    [Fact]
    public void TextsLookedUpBefore_StayInTheReadersLanguage()
    {
        // Found texts are kept after the first look-up: the next reader in another language must still get theirs.
        var localizer = Localizer<Login>();

        Use("da-DK");
        var danish = localizer["Log in"].Value;
        Use("en-GB");
        var english = localizer["Log in"].Value;
        Use("da-DK");
        var danishAgain = localizer["Log in"].Value;

        Assert.Equal(("Log ind", "Log in", "Log ind"), (danish, english, danishAgain));
    }

    [Fact]
    public void MissingText_IsLookedUpAgain_AndStillShowsTheKey()
    {
        Use("en-GB");
        var localizer = Localizer<Login>();

        var first = localizer["Another text nobody added"];
        var second = localizer["Another text nobody added"];

        Assert.True(first.ResourceNotFound);
        Assert.True(second.ResourceNotFound);
        Assert.Equal("Another text nobody added", second.Value);
    }

    [Fact]
    public void MissingTextWithValues_IsFormattedFromTheKey()
    {
        Use("da-DK");

        Assert.Equal("Hello Jens", Localizer<Login>()["Hello {0}", "Jens"].Value);
    }

    [Theory]
    [InlineData("da-DK", "Adgangskoden skal have mindst 10 tegn.")]
    [InlineData("en-GB", "The password must have at least 10 characters.")]
    public void IdentityMessages_AreInTheReadersLanguage_AndKeepIdentitysCode(string culture, string expected)
    {
        Use(culture);

        var error = new CareIdentityErrorDescriber(Localizer<CareIdentityErrorDescriber>()).PasswordTooShort(10);

        Assert.Equal(expected, error.Description);
        Assert.Equal("PasswordTooShort", error.Code);
    }

    [Theory]
    [InlineData("da", "da-DK")]
    [InlineData("DA-dk", "da-DK")]
    [InlineData("en", "en-GB")]
    [InlineData("en-US", "en-GB")]
    [InlineData("xx-YY", null)]
    [InlineData("c=da|uic=da", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Match_AcceptsOnlyDanishAndEnglish(string? requested, string? expected) =>
        Assert.Equal(expected, CareCultures.Match(requested)?.Name);

    private static IStringLocalizer<T> Localizer<T>(ListLogger? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs ?? new ListLogger()));
        services.AddCareLocalization();
        return services.BuildServiceProvider().GetRequiredService<IStringLocalizer<T>>();
    }

    private static void Use(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        public List<string> Warnings { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
                Warnings.Add(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }
}
