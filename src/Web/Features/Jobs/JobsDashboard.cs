using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Identity;
using Hangfire;
using Hangfire.Dashboard;

namespace CareWorkspace.Web.Features.Jobs;

/// <summary>Hangfire's dashboard at <c>/jobs</c>: for administrators only (it shows job arguments and failures).</summary>
public static class JobsDashboard
{
    public const string Path = "/jobs";

    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            DashboardTitle = "CareWorkspace jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
            Authorization = [new AdministratorsOnly()],
        });

    /// <summary>Anonymous visitors get 401, signed-in people in any other role 403 (Hangfire's own answers).</summary>
    public sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.ToActor() is { Role: UserRole.Administrator };
    }
}
