using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.AccessLog;

/// <summary>Access records of an organisation of the test's own (so other tests' records never match its filter).</summary>
public static class AccessLogTestData
{
    public static Actor StaffOfNewOrganisation(string name = "Test Doctor") =>
        new("user-" + Guid.NewGuid().ToString("N")[..8], name, UserRole.HospitalClinician, Guid.NewGuid(), "Test Hospital " + Guid.NewGuid().ToString("N")[..6]);

    public static DateTimeOffset Now(CareAppFactory factory) => factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>Adds records past the services (as the guard would have written them), in batches.</summary>
    public static async Task AddAsync(CareAppFactory factory, IEnumerable<AccessRecord> records, CancellationToken ct)
    {
        foreach (var batch in records.Chunk(1000))
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.AccessRecords.AddRange(batch);
            await db.SaveChangesAsync(ct);
        }
    }

    public static AccessRecord Record(Actor actor, Guid patientId, DateTimeOffset at, AccessAction action = AccessAction.Read,
        bool allowed = true, bool emergency = false, PatientSection section = PatientSection.Conditions, string what = "Conditions", string reason = "The user's organisation is on the patient's care team.") =>
        new(at, actor, patientId, section, what, action, allowed, reason, emergency);
}
