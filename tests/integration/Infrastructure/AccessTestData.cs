using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Live;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>People of their own for access tests, so that changing consents never disturbs another test's Ulla.</summary>
public static class AccessTestData
{
    /// <summary>A new relative account (demo password), registered as a relative of the patient, without any consent yet.</summary>
    public static async Task<(Actor Actor, string UserName, Guid RelativeId)> NewRelativeAsync(CareAppFactory factory, Guid patientId, CancellationToken ct)
    {
        var userName = "relative." + Guid.NewGuid().ToString("N")[..10];
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        var user = new CareUser { UserName = userName, DisplayName = "Test Relative " + userName[^4..], Role = UserRole.Relative, LockoutEnabled = true };
        var created = await users.CreateAsync(user, DemoAccounts.Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));

        await using var db = await factory.CreateDbContextAsync(ct);
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId, ct);
        var relative = patient.AddRelative(user.DisplayName, RelationshipCode.CHILD, "+45 40 50 60 70", isContactRelative: false, userId: user.Id);
        await db.SaveChangesAsync(ct);
        // Written past the app's services, so announced here: a kept shared read of the patient is stale now.
        factory.Services.GetRequiredService<SharedReads>().Changed(patientId);
        return (new Actor(user.Id, user.DisplayName, UserRole.Relative, null, null), userName, relative.Id);
    }

    public static async Task<int> CountRecordsAsync(CareAppFactory factory, string userId, Guid patientId, bool allowed, PatientSection section, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AccessRecords.AsNoTracking().CountAsync(r => r.UserId == userId && r.PatientId == patientId && r.Allowed == allowed && r.Section == section, ct);
    }

    public static async Task<string?> LatestRefusalAsync(CareAppFactory factory, string userId, Guid patientId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AccessRecords.AsNoTracking()
            .Where(r => r.UserId == userId && r.PatientId == patientId && !r.Allowed)
            .OrderByDescending(r => r.Id).Select(r => r.Reason).FirstOrDefaultAsync(ct);
    }
}
