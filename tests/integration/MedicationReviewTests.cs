using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Medicines.Review;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>"Last review and by whom" of the medication list: recorded by a prescriber, shown to all readers, signalled, refused otherwise.</summary>
public abstract class MedicationReviewTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_GP_marks_the_list_reviewed_and_every_reader_sees_who_and_when()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        using var probe = new ChangeProbe<int>(factory.Services.GetRequiredService<IPathwayNotifier>(), jensId, PatientSection.Medication,
            _ => Task.FromResult(0));

        var id = await factory.CallAsync<MedicationReviewService, Guid>(s => s.MarkReviewedAsync(gp, jensId, Ct));

        await probe.ArrivalAsync(id, Ct);
        var seen = await factory.CallAsync<MedicationReviewService, MedicationReviewView>(s => s.GetAsync(nurse, jensId, Ct));
        Assert.StartsWith("Peter Larsen", seen.ReviewedBy, StringComparison.Ordinal);
        Assert.NotNull(seen.ReviewedAt);
        Assert.False(seen.CanReview);
        Assert.True((await factory.CallAsync<MedicationReviewService, MedicationReviewView>(s => s.GetAsync(gp, jensId, Ct))).CanReview);

        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        await factory.CallAsync<MedicationReviewService, Guid>(s => s.MarkReviewedAsync(doctor, jensId, Ct));
        var latest = await factory.CallAsync<MedicationReviewService, MedicationReviewView>(s => s.GetAsync(nurse, jensId, Ct));
        Assert.DoesNotContain("Peter Larsen", latest.ReviewedBy, StringComparison.Ordinal);
        Assert.True(latest.ReviewedAt >= seen.ReviewedAt);
    }

    [Fact]
    public async Task A_nurse_may_not_mark_the_list_reviewed_and_the_refusal_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);

        var refused = await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            factory.CallAsync<MedicationReviewService, Guid>(s => s.MarkReviewedAsync(nurse, jensId, Ct)));

        Assert.Equal(refused.Message, await AccessTestData.LatestRefusalAsync(factory, nurse.UserId, jensId, Ct));
    }
}

public sealed class MedicationReviewTests_Sqlite(SqliteAppFactory factory) : MedicationReviewTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class MedicationReviewTests_PostgreSql(PostgreSqlAppFactory factory) : MedicationReviewTests(factory), IClassFixture<PostgreSqlAppFactory>;
