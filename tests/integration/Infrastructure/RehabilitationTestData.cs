using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Rehabilitation;
using CareWorkspace.Web.Features.Rehabilitation;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Infrastructure;

public static class RehabilitationTestData
{
    /// <summary>A plan for the demo rehabilitation unit (on Jens's care team), started ten days ago.</summary>
    public static async Task<RehabilitationPlanInput> InputAsync(CareAppFactory factory, string exerciseName, CancellationToken ct, int timesPerWeek = 3)
    {
        var physio = await factory.ActorAsync("physio.mikkelsen", ct);
        var today = CopenhagenTime.Today(TimeProvider.System);
        return new RehabilitationPlanInput(RehabilitationKind.General, physio.OrganisationId!.Value, today.AddDays(-10), 2, "Gå til købmanden.",
            [new ExerciseInput(null, exerciseName, "Langsomt op og ned.", 3, 10, null, timesPerWeek), new ExerciseInput(null, "Gåtur", null, null, null, 20, 5)]);
    }

    /// <summary>The hospital doctor makes a new plan for the patient; returns its id.</summary>
    public static async Task<Guid> MakePlanAsync(CareAppFactory factory, Guid patientId, CancellationToken ct)
    {
        var doctor = await factory.ActorAsync("hospital.doctor", ct);
        var input = await InputAsync(factory, "Rejse-sætte-sig " + PathwayTestData.Unique(), ct);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RehabilitationPlanService>().MakePlanAsync(doctor, patientId, input, ct);
    }
}
