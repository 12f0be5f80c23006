using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareWorkspace.Infrastructure;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddDbContextFactory<CareDbContext>(o => o.Configure(settings));
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PatientAccessGuard>();
        builder.Services.AddScoped<DemoDataSeeder>();

        builder.Services.AddIdentityCore<CareUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<CareDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<CareUserClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        builder.Services.AddHealthChecks().AddDbContextCheck<CareDbContext>("database");
        return builder;
    }
}
