using CareWorkspace.Infrastructure.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CareWorkspace.UnitTests.Notifications;

/// <summary>E-mail and SMS only log, and only in Development: a production app that would only pretend refuses to start.</summary>
public sealed class NotificationSettingsTests
{
    [Fact]
    public void Development_logs_e_mail_and_sms_by_default()
    {
        var settings = NotificationSettings.From(Config(), Environment("Development"));

        Assert.Equal(new NotificationSettings(SenderKind.Log, SenderKind.Log), settings);
    }

    [Fact]
    public void Production_sends_no_e_mail_or_sms_unless_configured()
    {
        var settings = NotificationSettings.From(Config(), Environment("Production"));

        Assert.Equal(new NotificationSettings(SenderKind.None, SenderKind.None), settings);
    }

    [Theory]
    [InlineData("Email")]
    [InlineData("Sms")]
    public void Production_refuses_to_start_with_a_sender_that_only_logs(string channel)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            NotificationSettings.From(Config(($"Notifications:{channel}:Sender", "Log")), Environment("Production")));

        Assert.Contains($"Notifications:{channel}:Sender", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_sender_is_refused_with_the_choices()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            NotificationSettings.From(Config(("Notifications:Email:Sender", "Smtp")), Environment("Development")));

        Assert.Contains("None, Log", refused.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static IHostEnvironment Environment(string name) => new TestEnvironment { EnvironmentName = name };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
