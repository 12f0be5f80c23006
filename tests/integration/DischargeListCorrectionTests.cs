using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Reconciliation;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Medicines.Reconciliation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The hospital corrects or withdraws a discharge list awaiting reconciliation, on a real database: the GP sees the
/// corrected list (finishing against the old one is refused as stale, naming the correction) or the withdrawal; each change
/// is kept with who, when and why and logged; after the GP has finished, and for the GP or a nurse, it is refused and logged.
/// </summary>
public abstract class DischargeListCorrectionTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_corrected_list_is_what_the_gp_sees_and_finishing_against_the_old_one_is_refused_naming_the_correction()
    {
        var unique = PathwayTestData.Unique();
        var (jensId, doctor, gp, old) = await RecordAsync(Line("Acetylcystein " + unique, "R05CB01", 600m));

        await Service(s => s.CorrectDischargeListAsync(doctor, jensId, old.DischargeListId, 1, Today(),
            [Line("Acetylcystein " + unique, "R05CB01", 1200m)], "The dose is 2 × 600 mg " + unique, Ct));

        var now = await Service(s => s.GetAsync(gp, jensId, Ct));
        Assert.Equal(old.DischargeListId, now!.DischargeListId);
        Assert.NotEqual(old.Basis, now.Basis);
        Assert.Contains(now.Rows, r => r.Discharge?.DrugName == "Acetylcystein " + unique && r.Discharge.DailyDoseAmount == 1200m);
        Assert.Equal("The dose is 2 × 600 mg " + unique, now.Correction!.Reason);
        Assert.StartsWith(doctor.DisplayName, now.Correction.CorrectedBy, StringComparison.Ordinal);
        var decisions = old.Rows.Where(r => r.NeedsDecision).ToDictionary(r => r.Key, _ => new GpDecision(false, "Not part of this test"));
        var stale = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.FinishAsync(gp, jensId, old.DischargeListId, old.Basis, decisions, Ct)));
        Assert.StartsWith("The medication list or the discharge list changed after you opened the reconciliation", stale.Message, StringComparison.Ordinal);
        Assert.Contains("The dose is 2 × 600 mg " + unique, stale.Message, StringComparison.Ordinal);

        await using var db = await Db();
        var stored = await db.DischargeMedicationLists.AsNoTracking().SingleAsync(l => l.Id == old.DischargeListId, Ct);
        Assert.Equal((2, (DateTimeOffset?)null), (stored.Revision, stored.ReconciledAt));
        Assert.Equal([600m, 1200m], stored.Lines.OrderBy(l => l.Revision).Select(l => l.DailyDoseAmount));
        var change = Assert.Single(stored.Changes);
        Assert.Equal((DischargeListChangeKind.Corrected, "The dose is 2 × 600 mg " + unique), (change.Kind, change.Reason));
        Assert.StartsWith(doctor.DisplayName, change.ChangedBy, StringComparison.Ordinal);
        Assert.True(await db.AccessRecords.AsNoTracking().AnyAsync(r => r.UserId == doctor.UserId && r.PatientId == jensId && r.Allowed
            && r.Action == AccessAction.Update && r.What == "Corrected a discharge medication list", Ct));

        var fresh = now.Rows.Where(r => r.NeedsDecision).ToDictionary(r => r.Key, _ => new GpDecision(false, "Not part of this test"));
        await Service(s => s.FinishAsync(gp, jensId, now.DischargeListId, now.Basis, fresh, Ct));
    }

    [Fact]
    public async Task A_withdrawn_list_is_offered_no_more_and_the_gp_sees_who_withdrew_it_and_why()
    {
        var unique = PathwayTestData.Unique();
        var (jensId, doctor, gp, open) = await RecordAsync(Line("Acetylcystein " + unique, "R05CB01", 600m));

        await Service(s => s.WithdrawDischargeListAsync(doctor, jensId, open.DischargeListId, 1, "Recorded for the wrong patient " + unique, Ct));

        var now = await Service(s => s.GetAsync(gp, jensId, Ct));
        Assert.False(now!.AwaitsReconciliation && now.DischargeListId == open.DischargeListId);
        Assert.Equal("Recorded for the wrong patient " + unique, now.Withdrawn!.Reason);
        Assert.StartsWith(doctor.DisplayName, now.Withdrawn.WithdrawnBy, StringComparison.Ordinal);
        var decisions = open.Rows.Where(r => r.NeedsDecision).ToDictionary(r => r.Key, _ => new GpDecision(true, "Reviewed"));
        var refused = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.FinishAsync(gp, jensId, open.DischargeListId, open.Basis, decisions, Ct)));
        Assert.Contains("withdrew this discharge list", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Recorded for the wrong patient " + unique, refused.Message, StringComparison.Ordinal);

        await using var db = await Db();
        var stored = await db.DischargeMedicationLists.AsNoTracking().SingleAsync(l => l.Id == open.DischargeListId, Ct);
        Assert.Equal(("Recorded for the wrong patient " + unique, (DateTimeOffset?)null), (stored.WithdrawalReason, stored.ReconciledAt));
        Assert.Equal(DischargeListChangeKind.Withdrawn, Assert.Single(stored.Changes).Kind);
        Assert.False(await db.MedicationEntries.AsNoTracking().AnyAsync(e => e.PatientId == jensId && e.DrugName == "Acetylcystein " + unique, Ct));
        Assert.True(await db.AccessRecords.AsNoTracking().AnyAsync(r => r.UserId == doctor.UserId && r.PatientId == jensId && r.Allowed
            && r.Action == AccessAction.Update && r.What == "Withdrew a discharge medication list", Ct));
    }

    [Fact]
    public async Task Once_the_gp_has_finished_the_list_can_neither_be_corrected_nor_withdrawn_and_the_refusal_is_logged()
    {
        var unique = PathwayTestData.Unique();
        var (jensId, doctor, gp, view) = await RecordAsync(Line("Acetylcystein " + unique, "R05CB01", 600m));
        await Service(s => s.FinishAsync(gp, jensId, view.DischargeListId, view.Basis,
            view.Rows.Where(r => r.NeedsDecision).ToDictionary(r => r.Key, _ => new GpDecision(false, "Not part of this test")), Ct));

        var correct = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.CorrectDischargeListAsync(doctor, jensId, view.DischargeListId, 1, Today(),
            [Line("Acetylcystein " + unique, "R05CB01", 1200m)], "Too late " + unique, Ct)));
        var withdraw = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.WithdrawDischargeListAsync(doctor, jensId, view.DischargeListId, 1,
            "Too late " + unique, Ct)));

        Assert.Contains("so it can no longer be corrected or withdrawn", correct.Message, StringComparison.Ordinal);
        Assert.Equal(correct.Message, withdraw.Message);
        await using var db = await Db();
        var stored = await db.DischargeMedicationLists.AsNoTracking().SingleAsync(l => l.Id == view.DischargeListId, Ct);
        Assert.Equal((1, (DateTimeOffset?)null), (stored.Revision, stored.WithdrawnAt));
        Assert.Empty(stored.Changes);
        Assert.Equal(2, await db.AccessRecords.AsNoTracking().CountAsync(r => r.UserId == doctor.UserId && r.PatientId == jensId && !r.Allowed
            && r.Action == AccessAction.Update && r.Reason == correct.Message, Ct));
    }

    [Fact]
    public async Task A_gp_or_a_municipal_nurse_may_neither_correct_nor_withdraw_and_the_refusal_is_logged()
    {
        var unique = PathwayTestData.Unique();
        var (jensId, _, gp, view) = await RecordAsync(Line("Acetylcystein " + unique, "R05CB01", 600m));
        var nurse = await factory.ActorAsync("nurse.holm", Ct);

        var byGp = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.CorrectDischargeListAsync(gp, jensId, view.DischargeListId, 1,
            Today(), [Line("Acetylcystein " + unique, "R05CB01", 1200m)], "GP " + unique, Ct)));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.WithdrawDischargeListAsync(gp, jensId, view.DischargeListId, 1, "GP " + unique, Ct)));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.WithdrawDischargeListAsync(nurse, jensId, view.DischargeListId, 1,
            "Nurse " + unique, Ct)));

        Assert.Equal("Only a hospital clinician corrects or withdraws a discharge medication list.", byGp.Message);
        await using var db = await Db();
        var stored = await db.DischargeMedicationLists.AsNoTracking().SingleAsync(l => l.Id == view.DischargeListId, Ct);
        Assert.Equal((1, (DateTimeOffset?)null), (stored.Revision, stored.WithdrawnAt));
        Assert.Equal(2, await db.AccessRecords.AsNoTracking().CountAsync(r => r.UserId == gp.UserId && r.PatientId == jensId && !r.Allowed
            && r.Action == AccessAction.Update && r.Reason == byGp.Message && r.What.Contains(" a discharge medication list"), Ct));
        Assert.True(await db.AccessRecords.AsNoTracking().AnyAsync(r => r.UserId == nurse.UserId && r.PatientId == jensId && !r.Allowed
            && r.Action == AccessAction.Update && r.What == "Withdrew a discharge medication list", Ct));
    }

    [Fact]
    public async Task A_withdrawal_without_a_reason_is_refused_and_nothing_is_changed()
    {
        var (jensId, doctor, _, view) = await RecordAsync(Line("Acetylcystein " + PathwayTestData.Unique(), "R05CB01", 600m));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.WithdrawDischargeListAsync(doctor, jensId, view.DischargeListId, 1, " ", Ct)));

        Assert.Equal("Write why the discharge list is withdrawn, so the GP knows.", refused.Message);
        Assert.Equal(view.DischargeListId, (await Service(s => s.GetAsync(doctor, jensId, Ct)))!.DischargeListId);
        var form = await Service(s => s.GetDischargeFormAsync(doctor, jensId, Ct));
        Assert.Equal((view.DischargeListId, 1), (form.Awaiting!.Id, form.Awaiting.Revision));
        Assert.Contains(form.Awaiting.Drugs, d => d.AtcCode == "R05CB01" && d.DailyDoseAmount == 600m);
    }

    /// <summary>The hospital doctor records a discharge list today (so it is the one offered); the GP's view of it.</summary>
    private async Task<(Guid JensId, Actor Doctor, Actor Gp, ReconciliationView View)> RecordAsync(params LocalPrescription[] lines)
    {
        var jensId = await factory.JensIdAsync(Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var form = await Service(s => s.GetDischargeFormAsync(doctor, jensId, Ct));
        var listId = await Service(s => s.RecordDischargeListAsync(doctor, jensId, Today(), lines, form.Awaiting?.Id, Ct));
        var view = await Service(s => s.GetAsync(gp, jensId, Ct));
        Assert.Equal(listId, view!.DischargeListId);
        return (jensId, doctor, gp, view);
    }

    private DateOnly Today() => CopenhagenTime.Today(factory.Services.GetRequiredService<TimeProvider>());

    private Task<CareDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync(Ct);

    private static LocalPrescription Line(string name, string atc, decimal daily) =>
        new(name, atc, null, "tabletter", "1 tablet 3 gange dagligt", daily, "mg", false, "Oral anvendelse", null, null, null, null);

    private Task<T> Service<T>(Func<MedicationReconciliationService, Task<T>> call) => factory.CallAsync(call);
}

public sealed class DischargeListCorrectionTests_Sqlite(SqliteAppFactory factory) : DischargeListCorrectionTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class DischargeListCorrectionTests_PostgreSql(PostgreSqlAppFactory factory) : DischargeListCorrectionTests(factory), IClassFixture<PostgreSqlAppFactory>;
