using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.TriageBoard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The triage board on many devices of a unit: one read per change to the unit, shared by every open board; another
/// unit's change reads nothing anew; each viewer's access records are its own, and a board re-read for a viewer records
/// only the cards that changed since what it already shows.
/// </summary>
public abstract class TriageBoardSharedReadTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TriageBoardView> BoardAsync(Actor actor, TriageBoardView? shown = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TriageService>().GetBoardAsync(actor, actor.OrganisationId!.Value, shown, Ct);
    }

    private async Task<Guid> RecordAsync(Actor worker, Guid patientId, VitalSigns vitals)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<TriageService>()
            .RecordAsync(worker, patientId, new ChangeFormInput([new ItemAnswer("mood", true, "Quieter than usual")], vitals), Ct)).Id;
    }

    // The board is read anew every minute as well: keep the steps of a test inside one minute.
    private static async Task NotAtTheEndOfAMinuteAsync()
    {
        if (DateTimeOffset.UtcNow.Second >= 55)
            await Task.Delay(TimeSpan.FromSeconds(6), Ct);
    }

    [Fact]
    public async Task Open_boards_of_a_unit_share_one_read_which_the_units_own_changes_renew_and_other_units_changes_do_not()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        var otherUnit = (await factory.ActorAsync("nurse.roskilde", Ct)).OrganisationId!.Value;
        var jensId = await factory.JensIdAsync(Ct);
        var reads = factory.Services.GetRequiredService<SharedReads>();
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        var key = AudienceKey.TriageBoardOf(nurse.OrganisationId!.Value).Value + "/board";
        await NotAtTheEndOfAMinuteAsync();
        await BoardAsync(nurse);
        var before = reads.ReadsOf(key);

        var boards = await Task.WhenAll(BoardAsync(nurse), BoardAsync(worker), BoardAsync(nurse));
        notifier.PathwayChanged(new PathwayChange(Guid.NewGuid(), PatientSection.Triage, Guid.NewGuid()) { SeenBy = [AudienceKey.TriageBoardOf(otherUnit)] });
        await BoardAsync(worker);

        Assert.Equal(before, reads.ReadsOf(key));
        Assert.All(boards, b => Assert.Equal(boards[0].Citizens.Count, b.Citizens.Count));
        Assert.True(boards[1].Can.Record);

        var recorded = await RecordAsync(worker, jensId, new VitalSigns(Pulse: 121, Temperature: 38.9m));
        var after = await BoardAsync(nurse);

        Assert.Equal(before + 1, reads.ReadsOf(key));
        Assert.Equal(recorded, after.Citizens.Single(c => c.PatientId == jensId).Latest?.Id);
    }

    [Fact]
    public async Task Each_viewer_records_every_citizen_when_the_board_opens_and_only_the_changed_card_when_it_is_read_again()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var since = await LastRecordAsync();

        var opened = await BoardAsync(nurse);
        var afterOpening = await BoardRecordsAsync(nurse, since);
        var recorded = await RecordAsync(worker, jensId, new VitalSigns(Pulse: 96));
        var again = await BoardAsync(nurse, shown: opened);
        var afterReading = await BoardRecordsAsync(nurse, since);

        Assert.Equal(opened.Citizens.Select(c => c.PatientId).Order(), afterOpening.Order());
        Assert.Equal(opened.Citizens.Count + 1, afterReading.Count);
        Assert.Equal(2, afterReading.Count(id => id == jensId));
        Assert.Equal(recorded, again.Citizens.Single(c => c.PatientId == jensId).Latest?.Id);
    }

    [Fact]
    public async Task A_change_form_re_reads_only_its_citizen_on_the_kept_board_and_gives_what_a_full_read_gives()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var reads = factory.Services.GetRequiredService<SharedReads>();
        var unit = AudienceKey.TriageBoardOf(nurse.OrganisationId!.Value);
        var key = unit.Value + "/board";
        await NotAtTheEndOfAMinuteAsync();
        await BoardAsync(nurse);
        var updatesBefore = reads.UpdatesOf(key);

        var recorded = await RecordAsync(worker, jensId, new VitalSigns(Pulse: 118, Temperature: 38.6m));
        var updated = await BoardAsync(nurse);
        reads.Changed(unit);
        var full = await BoardAsync(nurse);

        Assert.True(reads.UpdatesOf(key) > updatesBefore);
        Assert.Equal(recorded, updated.Citizens.Single(c => c.PatientId == jensId).Latest?.Id);
        Assert.Equal(full.Citizens.Select(c => c.PatientId), updated.Citizens.Select(c => c.PatientId));
        Assert.All(full.Citizens.Zip(updated.Citizens), pair => Assert.True(pair.First.ShowsTheSameAs(pair.Second), pair.First.Name));
    }

    [Fact]
    public async Task Change_forms_for_two_citizens_recorded_at_once_and_during_a_read_both_land_on_the_board()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        await NotAtTheEndOfAMinuteAsync();
        var opened = await BoardAsync(nurse);
        var otherId = opened.Citizens.First(c => c.PatientId != jensId && !c.BlockedByPatient).PatientId;

        var reading = BoardAsync(nurse);
        var recorded = await Task.WhenAll(
            RecordAsync(worker, jensId, new VitalSigns(Pulse: 101)),
            RecordAsync(worker, otherId, new VitalSigns(Pulse: 102)));
        await reading;
        var board = await BoardAsync(nurse);

        Assert.Equal(recorded[0], board.Citizens.Single(c => c.PatientId == jensId).Latest?.Id);
        Assert.Equal(recorded[1], board.Citizens.Single(c => c.PatientId == otherId).Latest?.Id);
    }

    [Fact]
    public async Task A_change_that_names_no_single_citizen_reads_the_whole_board_again()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var reads = factory.Services.GetRequiredService<SharedReads>();
        var key = AudienceKey.TriageBoardOf(nurse.OrganisationId!.Value).Value + "/board";
        await NotAtTheEndOfAMinuteAsync();
        await BoardAsync(nurse);
        var (readsBefore, updatesBefore) = (reads.ReadsOf(key), reads.UpdatesOf(key));

        reads.Changed(new PathwayChange(jensId, PatientSection.CareTeam));
        await BoardAsync(nurse);

        Assert.True(reads.ReadsOf(key) - readsBefore > reads.UpdatesOf(key) - updatesBefore);
    }

    [Fact]
    public async Task A_change_form_keeps_the_units_flag_setting_without_reading_it_and_a_change_to_the_unit_reads_it_anew()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var reads = factory.Services.GetRequiredService<SharedReads>();
        var unit = AudienceKey.TriageBoardOf(nurse.OrganisationId!.Value);
        var key = unit.Value + "/flag-after-days";
        await NotAtTheEndOfAMinuteAsync();
        var opened = await factory.CallAsync<TriageBoardService, TriageBoardScreen>(s => s.GetAsync(nurse, null, ct: Ct));
        var (readsBefore, updatesBefore) = (reads.ReadsOf(key), reads.UpdatesOf(key));

        await RecordAsync(worker, jensId, new VitalSigns(Pulse: 97));
        var afterChangeForm = await factory.CallAsync<TriageBoardService, TriageBoardScreen>(s => s.GetAsync(nurse, null, opened.Board, Ct));
        var (readsAfterChangeForm, updatesAfterChangeForm) = (reads.ReadsOf(key), reads.UpdatesOf(key));
        reads.Changed(unit);
        var afterUnitChange = await factory.CallAsync<TriageBoardService, TriageBoardScreen>(s => s.GetAsync(nurse, null, afterChangeForm.Board, Ct));

        // Every read of the setting after the change form was the kept one; after a change to the unit, one was read anew.
        Assert.True(updatesAfterChangeForm > updatesBefore);
        Assert.Equal(readsAfterChangeForm - readsBefore, updatesAfterChangeForm - updatesBefore);
        Assert.True(reads.ReadsOf(key) - readsAfterChangeForm > reads.UpdatesOf(key) - updatesAfterChangeForm);
        Assert.Equal(opened.FlagAfterDays, afterChangeForm.FlagAfterDays);
        Assert.Equal(opened.FlagAfterDays, afterUnitChange.FlagAfterDays);
    }

    private async Task<long> LastRecordAsync()
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.MaxAsync(r => (long?)r.Id, Ct) ?? 0;
    }

    private async Task<List<Guid>> BoardRecordsAsync(Actor actor, long after)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking()
            .Where(r => r.Id > after && r.UserId == actor.UserId && r.What == "Triage board" && r.PatientId != null)
            .Select(r => r.PatientId!.Value).ToListAsync(Ct);
    }
}

public sealed class TriageBoardSharedReadTests_Sqlite(SqliteAppFactory factory) : TriageBoardSharedReadTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class TriageBoardSharedReadTests_PostgreSql(PostgreSqlAppFactory factory) : TriageBoardSharedReadTests(factory), IClassFixture<PostgreSqlAppFactory>;
