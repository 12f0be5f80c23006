using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Reconciliation;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Medicines;
using CareWorkspace.Web.Features.Medicines.Reconciliation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Reconciliation at discharge through its service on a real database: the hospital records the discharge list, the GP
/// finishes it and the accepted differences become the current list; a stale reconciliation is refused with nothing
/// changed; a relative may neither see nor finish it.
/// </summary>
public abstract class MedicationReconciliationTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Finishing_makes_the_accepted_differences_the_current_list_and_keeps_each_decision()
    {
        var prescriber = await factory.ActorAsync("gp.larsen", Ct);
        var patientId = await factory.JensIdAsync(Ct);
        var kept = await factory.CallAsync<MedicationPrescribingService, Guid>(s => s.PrescribeAsync(prescriber, patientId,
            new LocalPrescription("Magnyl " + PathwayTestData.Unique(), "B01AC06", "75 mg", "tabletter", "1 tablet dagligt", null, null, false,
                "Oral anvendelse", null, null, null, null), "Not on the discharge list", Ct));
        var (jensId, gp, view) = await RecordAsync(
            Line("Paracetamol \"Teva\"", "N02BE01", "2 tabletter 3 gange dagligt", 3000m),
            Line("Acetylcystein " + PathwayTestData.Unique(), "R05CB01", "1 tablet 3 gange dagligt", 600m));
        var paracetamol = view.Rows.Single(r => r.Discharge?.AtcCode == "N02BE01");
        var acetylcysteine = view.Rows.Single(r => r.Discharge?.AtcCode == "R05CB01");
        var furix = view.Rows.Single(r => r.Local?.AtcCode == "C03CA01");
        Assert.Equal((DifferenceKind.DoseChanged, DifferenceKind.New, DifferenceKind.Stopped), (paracetamol.Kind, acetylcysteine.Kind, furix.Kind));
        var accepted = new[] { paracetamol.Key, acetylcysteine.Key, furix.Key };
        var decisions = view.Rows.Where(r => r.NeedsDecision)
            .ToDictionary(r => r.Key, r => accepted.Contains(r.Key) ? new GpDecision(true, null) : new GpDecision(false, "Not part of this test"));

        var id = await Service(s => s.FinishAsync(gp, jensId, view.DischargeListId, view.Basis, decisions, Ct));

        var list = await factory.CallAsync<MedicationListService, MedicationView>(s => s.GetAsync(gp, jensId, Ct));
        var newParacetamol = Assert.Single(list.Active, i => i.AtcCode == "N02BE01");
        Assert.Equal((MedicationSource.Local, 3000m, "2 tabletter 3 gange dagligt"), (newParacetamol.Source, newParacetamol.DailyDoseAmount, newParacetamol.DoseText));
        Assert.StartsWith("Peter Larsen", newParacetamol.Prescriber, StringComparison.Ordinal);
        Assert.Contains(list.Active, i => i.DrugName == acetylcysteine.DrugName && i.Source == MedicationSource.Local);
        Assert.DoesNotContain(list.Active, i => i.AtcCode == "C03CA01");
        Assert.Contains(list.Stopped, i => i.Id == furix.Local!.Id);
        Assert.Contains(list.Stopped, i => i.Id == paracetamol.Local!.Id);
        Assert.Contains(list.Active, i => i.Id == kept);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync(Ct);
        var stored = await db.MedicationReconciliations.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(decisions.Count, stored.Decisions.Count);
        Assert.All(stored.Decisions, d => Assert.StartsWith("Peter Larsen", d.DecidedBy, StringComparison.Ordinal));
        Assert.Equal(ReconciliationOutcome.Applied, stored.Decisions.Single(d => d.RowKey == acetylcysteine.Key).Outcome);
        Assert.Contains(stored.Decisions, d => d.Outcome == ReconciliationOutcome.Kept && d.Reason == "Not part of this test");
        var reconciled = await db.DischargeMedicationLists.AsNoTracking().SingleAsync(l => l.Id == view.DischargeListId, Ct);
        Assert.StartsWith("Peter Larsen", reconciled.ReconciledBy, StringComparison.Ordinal);
        var again = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.FinishAsync(gp, jensId, view.DischargeListId, view.Basis, decisions, Ct)));
        Assert.NotNull(again.Message);
    }

    [Fact]
    public async Task A_stale_reconciliation_is_refused_and_nothing_is_changed()
    {
        var unique = PathwayTestData.Unique();
        var (jensId, gp, view) = await RecordAsync(Line("Acetylcystein " + unique, "R05CB01", "1 tablet 3 gange dagligt", 600m));
        var decisions = view.Rows.Where(r => r.NeedsDecision).ToDictionary(r => r.Key, _ => new GpDecision(true, "Reviewed"));
        var meanwhile = await factory.CallAsync<MedicationPrescribingService, Guid>(s => s.PrescribeAsync(gp, jensId,
            new LocalPrescription("Magnyl " + unique, "B01AC06", "75 mg", "tabletter", "1 tablet dagligt", null, null, false, "Oral anvendelse", null,
                null, null, null), "Prescribed meanwhile", Ct));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.FinishAsync(gp, jensId, view.DischargeListId, view.Basis, decisions, Ct)));

        Assert.StartsWith("The medication list or the discharge list changed after you opened the reconciliation", refused.Message, StringComparison.Ordinal);
        var list = await factory.CallAsync<MedicationListService, MedicationView>(s => s.GetAsync(gp, jensId, Ct));
        Assert.DoesNotContain(list.Active, i => i.DrugName == "Acetylcystein " + unique);
        Assert.Contains(list.Active, i => i.Id == meanwhile);
        var now = await Service(s => s.GetAsync(gp, jensId, Ct));
        Assert.Equal(view.DischargeListId, now!.DischargeListId);
        Assert.NotEqual(view.Basis, now.Basis);
        Assert.Contains(now.Rows, r => r.Local?.Id == meanwhile && r.Kind == DifferenceKind.Stopped);
    }

    [Fact]
    public async Task A_relative_may_neither_see_nor_finish_a_reconciliation_and_a_nurse_may_see_but_not_finish()
    {
        var (jensId, _, view) = await RecordAsync(Line("Acetylcystein " + PathwayTestData.Unique(), "R05CB01", "1 tablet 3 gange dagligt", 600m));
        var relative = await factory.ActorAsync("ulla", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var decisions = view.Rows.Where(r => r.NeedsDecision).ToDictionary(r => r.Key, _ => new GpDecision(true, "Reviewed"));

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.GetAsync(relative, jensId, Ct)));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.FinishAsync(relative, jensId, view.DischargeListId, view.Basis, decisions, Ct)));
        var seen = await Service(s => s.GetAsync(nurse, jensId, Ct));
        Assert.False(seen!.CanFinish);
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.FinishAsync(nurse, jensId, view.DischargeListId, view.Basis, decisions, Ct)));
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        Assert.Equal(view.DischargeListId, (await Service(s => s.GetAsync(gp, jensId, Ct)))!.DischargeListId);
    }

    [Fact]
    public async Task The_hospital_doctor_starts_from_the_current_list_and_saves_a_list_the_gp_is_then_offered()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);

        // Other tests in this class finish reconciliations that replace Jens' list, so this test brings its own drug.
        var vitamin = "Colecalciferol " + PathwayTestData.Unique();
        await factory.CallAsync<MedicationPrescribingService, Guid>(s => s.PrescribeAsync(gp, jensId,
            new LocalPrescription(vitamin, "A11CC05", "20 mikrogram", "tabletter", "1 tablet dagligt", null, null, false, "Oral anvendelse", null,
                null, null, null), "Vitamin D before admission", Ct));
        var form = await Service(s => s.GetDischargeFormAsync(doctor, jensId, Ct));

        Assert.True(form.CanRecord);
        Assert.Contains(form.CurrentList, d => d.DrugName == vitamin);
        var lines = form.CurrentList.Where(d => d.DrugName != vitamin).Append(Line("Pantoprazol " + PathwayTestData.Unique(), "A02BC02", "1 tablet dagligt", 40m)).ToList();
        var today = CopenhagenTime.Today(factory.Services.GetRequiredService<TimeProvider>());
        var id = await Service(s => s.RecordDischargeListAsync(doctor, jensId, today, lines, form.Awaiting?.Id, Ct));

        var view = await Service(s => s.GetAsync(gp, jensId, Ct));
        Assert.Equal(id, view!.DischargeListId);
        Assert.Equal(doctor.OrganisationName, view.Hospital);
        Assert.Contains(view.Rows, r => r.Kind == DifferenceKind.New && r.Discharge!.AtcCode == "A02BC02");
        Assert.Contains(view.Rows, r => r.Kind == DifferenceKind.Stopped && r.Local?.DrugName == vitamin);
        Assert.Equal(id, (await Service(s => s.GetDischargeFormAsync(doctor, jensId, Ct))).Awaiting!.Id);
    }

    [Fact]
    public async Task A_gp_or_a_municipal_nurse_may_not_record_a_discharge_list_and_the_refusal_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var lines = new[] { Line("Acetylcystein " + PathwayTestData.Unique(), "R05CB01", "1 tablet 3 gange dagligt", 600m) };
        var today = CopenhagenTime.Today(factory.Services.GetRequiredService<TimeProvider>());

        Assert.False((await Service(s => s.GetDischargeFormAsync(gp, jensId, Ct))).CanRecord);
        Assert.False((await Service(s => s.GetDischargeFormAsync(nurse, jensId, Ct))).CanRecord);
        var awaiting = (await Service(s => s.GetDischargeFormAsync(gp, jensId, Ct))).Awaiting?.Id;
        var refused = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.RecordDischargeListAsync(gp, jensId, today, lines, awaiting, Ct)));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.RecordDischargeListAsync(nurse, jensId, today, lines, awaiting, Ct)));

        Assert.Equal("Only a hospital clinician records a discharge medication list.", refused.Message);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync(Ct);
        Assert.DoesNotContain(await db.DischargeMedicationLists.AsNoTracking().Where(l => l.PatientId == jensId).ToListAsync(Ct),
            l => l.Lines.Any(line => line.DrugName == lines[0].DrugName));
        Assert.True(await db.AccessRecords.AsNoTracking().AnyAsync(r => r.UserId == gp.UserId && r.PatientId == jensId
            && r.Action == AccessAction.Create && !r.Allowed && r.Reason == "Only a hospital clinician records a discharge medication list.", Ct));
    }

    [Fact]
    public async Task An_empty_list_and_a_bad_line_are_refused_and_nothing_is_saved()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var today = CopenhagenTime.Today(factory.Services.GetRequiredService<TimeProvider>());
        var awaiting = (await Service(s => s.GetDischargeFormAsync(doctor, jensId, Ct))).Awaiting?.Id;

        var empty = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.RecordDischargeListAsync(doctor, jensId, today, [], awaiting, Ct)));
        var unit = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.RecordDischargeListAsync(doctor, jensId, today,
            [Line("Acetylcystein", "R05CB01", "1 tablet 3 gange dagligt", 600m) with { DailyDoseUnit = "mmHg/x" }], awaiting, Ct)));

        Assert.Equal("A discharge medication list needs at least one drug.", empty.Message);
        Assert.Contains("mmHg/x", unit.Message, StringComparison.Ordinal);
        Assert.Equal(awaiting, (await Service(s => s.GetDischargeFormAsync(doctor, jensId, Ct))).Awaiting?.Id);
    }

    [Fact]
    public async Task A_list_saved_by_someone_else_after_the_form_opened_is_named_and_saving_again_records_this_one()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var today = CopenhagenTime.Today(factory.Services.GetRequiredService<TimeProvider>());
        var opened = (await Service(s => s.GetDischargeFormAsync(doctor, jensId, Ct))).Awaiting?.Id;
        var theirs = await Service(s => s.RecordDischargeListAsync(doctor, jensId, today,
            [Line("Acetylcystein " + PathwayTestData.Unique(), "R05CB01", "1 tablet 3 gange dagligt", 600m)], opened, Ct));
        var mine = new[] { Line("Magnyl " + PathwayTestData.Unique(), "B01AC06", "1 tablet dagligt", 75m) };

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.RecordDischargeListAsync(doctor, jensId, today, mine, opened, Ct)));

        Assert.StartsWith(doctor.DisplayName, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Yours was not saved", refused.Message, StringComparison.Ordinal);
        var id = await Service(s => s.RecordDischargeListAsync(doctor, jensId, today, mine, theirs, Ct));
        Assert.NotEqual(theirs, id);
    }

    /// <summary>The hospital doctor records a discharge list today (so it is the one offered); the GP's view of it.</summary>
    private async Task<(Guid JensId, Actor Gp, ReconciliationView View)> RecordAsync(params LocalPrescription[] lines)
    {
        var jensId = await factory.JensIdAsync(Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var today = CopenhagenTime.Today(factory.Services.GetRequiredService<TimeProvider>());
        var form = await Service(s => s.GetDischargeFormAsync(doctor, jensId, Ct));
        var listId = await Service(s => s.RecordDischargeListAsync(doctor, jensId, today, lines, form.Awaiting?.Id, Ct));
        var view = await Service(s => s.GetAsync(gp, jensId, Ct));
        Assert.Equal(listId, view!.DischargeListId);
        Assert.True(view.CanFinish);
        return (jensId, gp, view);
    }

    private static LocalPrescription Line(string name, string atc, string dose, decimal daily) =>
        new(name, atc, null, "tabletter", dose, daily, "mg", false, "Oral anvendelse", null, null, null, null);

    private Task<T> Service<T>(Func<MedicationReconciliationService, Task<T>> call) => factory.CallAsync(call);
}

public sealed class MedicationReconciliationTests_Sqlite(SqliteAppFactory factory) : MedicationReconciliationTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class MedicationReconciliationTests_PostgreSql(PostgreSqlAppFactory factory) : MedicationReconciliationTests(factory), IClassFixture<PostgreSqlAppFactory>;
