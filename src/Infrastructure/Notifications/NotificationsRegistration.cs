using CareWorkspace.Domain.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Notifications;

public static class NotificationsRegistration
{
    public static void AddNotifications(this IHostApplicationBuilder builder)
    {
        var settings = NotificationSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<INotificationChannel, InAppChannel>();
        if (settings.Email == SenderKind.Log)
            builder.Services.AddSingleton<INotificationChannel>(sp => Logging(sp, NotificationChannelKind.Email));
        if (settings.Sms == SenderKind.Log)
            builder.Services.AddSingleton<INotificationChannel>(sp => Logging(sp, NotificationChannelKind.Sms));
    }

    private static LoggingSender Logging(IServiceProvider services, NotificationChannelKind kind) =>
        new(kind, services.GetRequiredService<INotificationText>(), services.GetRequiredService<ILogger<LoggingSender>>());
}
