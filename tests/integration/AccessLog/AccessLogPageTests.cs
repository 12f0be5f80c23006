using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.AccessLog;
using CareWorkspace.Web.Features.Consents;

namespace CareWorkspace.IntegrationTests.AccessLog;

/// <summary>
/// The patient's access log read model: who may read it (the patient, a relative whose consent includes it; never staff),
/// newest first by keyset pages, the filters, two years back, an inverted period refused and logged.
/// </summary>
public abstract class AccessLogPageTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<AccessLogView> PageAsync(Actor actor, Guid patientId, AccessLogFilter filter, AccessLogCursor? after = null) =>
        factory.CallAsync<AccessLogService, AccessLogView>(s => s.PageAsync(actor, patientId, filter, after, Ct));

    [Fact]
    public async Task The_patient_sees_who_read_the_record_and_the_read_of_the_log_is_itself_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var doctor = AccessLogTestData.StaffOfNewOrganisation("Mette Testesen");
        await AccessLogTestData.AddAsync(factory, [AccessLogTestData.Record(doctor, jensId, AccessLogTestData.Now(factory).AddMinutes(-5))], Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: true, PatientSection.AccessLog, Ct);

        var view = await PageAsync(jens, jensId, new AccessLogFilter(OrganisationId: doctor.OrganisationId));

        var entry = Assert.Single(view.Entries);
        Assert.Equal(("Mette Testesen", UserRole.HospitalClinician, doctor.OrganisationName), (entry.Who, entry.Role, entry.Organisation));
        Assert.Equal((PatientSection.Conditions, AccessAction.Read, true), (entry.Section, entry.Action, entry.Allowed));
        Assert.Contains(view.Organisations!, o => o.Id == doctor.OrganisationId && o.Name == doctor.OrganisationName);
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: true, PatientSection.AccessLog, Ct));
    }

    [Fact]
    public async Task Pages_follow_each_other_newest_first_without_gaps_or_repeats()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var doctor = AccessLogTestData.StaffOfNewOrganisation();
        var now = AccessLogTestData.Now(factory);
        // Pairs at the same instant, so the page boundary must fall between records with equal times.
        await AccessLogTestData.AddAsync(factory, Enumerable.Range(0, 120).Select(i => AccessLogTestData.Record(doctor, jensId, now.AddMinutes(-(i / 2) - 1))), Ct);
        var filter = new AccessLogFilter(OrganisationId: doctor.OrganisationId);

        var seen = new List<AccessLogEntry>();
        AccessLogCursor? after = null;
        var pages = 0;
        do
        {
            var view = await PageAsync(jens, jensId, filter, after);
            seen.AddRange(view.Entries);
            after = view.Next;
            pages++;
        }
        while (after is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(120, seen.Count);
        Assert.Equal(120, seen.Select(e => e.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id), seen.Select(e => e.Id));
    }

    [Fact]
    public async Task Filters_by_action_period_and_emergency_access_and_never_further_back_than_two_years()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var doctor = AccessLogTestData.StaffOfNewOrganisation();
        var now = AccessLogTestData.Now(factory);
        var today = CopenhagenTime.DateOf(now);
        await AccessLogTestData.AddAsync(factory, [
            AccessLogTestData.Record(doctor, jensId, now.AddDays(-1), AccessAction.Update, what: "Changed yesterday"),
            AccessLogTestData.Record(doctor, jensId, now.AddDays(-40), what: "Read 40 days ago"),
            AccessLogTestData.Record(doctor, jensId, now.AddDays(-3), emergency: true, what: "Emergency read", reason: "Unconscious in the emergency room"),
            AccessLogTestData.Record(doctor, jensId, now.AddDays(-800), what: "Read 800 days ago"),
        ], Ct);
        var org = doctor.OrganisationId;

        async Task<string[]> Whats(AccessLogFilter filter) => [.. (await PageAsync(jens, jensId, filter)).Entries.Select(e => e.What)];

        Assert.Equal(["Changed yesterday", "Emergency read", "Read 40 days ago"], await Whats(new(OrganisationId: org)));
        Assert.Equal(["Changed yesterday"], await Whats(new(OrganisationId: org, Action: AccessAction.Update)));
        Assert.Equal(["Read 40 days ago"], await Whats(new(today.AddDays(-41), today.AddDays(-39), org)));
        var emergency = (await PageAsync(jens, jensId, new(OrganisationId: org, EmergencyAccessOnly: true))).Entries;
        Assert.Equal(("Emergency read", true, "Unconscious in the emergency room"), (Assert.Single(emergency).What, emergency[0].EmergencyAccess, emergency[0].Reason));
        Assert.Empty(await Whats(new(today.AddYears(-5), today.AddYears(-2).AddDays(-1), org)));
    }

    [Fact]
    public async Task An_inverted_period_is_refused_with_a_clear_message_and_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var today = CopenhagenTime.DateOf(AccessLogTestData.Now(factory));
        var before = await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: false, PatientSection.AccessLog, Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(() => PageAsync(jens, jensId, new AccessLogFilter(today, today.AddDays(-1))));

        Assert.Equal(AccessLogFilter.InvertedPeriod, refused.Message);
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: false, PatientSection.AccessLog, Ct));
        Assert.Equal(AccessLogFilter.InvertedPeriod, await AccessTestData.LatestRefusalAsync(factory, jens.UserId, jensId, Ct));
    }

    [Fact]
    public async Task Staff_on_the_care_team_may_not_read_the_patients_access_log_and_the_refusal_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: false, PatientSection.AccessLog, Ct);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => PageAsync(gp, jensId, new AccessLogFilter()));

        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: false, PatientSection.AccessLog, Ct));
    }

    [Fact]
    public async Task A_relative_reads_the_log_only_when_the_consent_includes_it()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await factory.CallAsync<ConsentService, Guid>(s => s.GrantAsync(jens, jensId,
            new ConsentInput(relative.UserId, [PatientSection.MasterData, PatientSection.Calendar], null, "Access log test"), Ct));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => PageAsync(relative, jensId, new AccessLogFilter()));

        await factory.CallAsync<ConsentService, Guid>(s => s.GrantAsync(jens, jensId,
            new ConsentInput(relative.UserId, [PatientSection.MasterData, PatientSection.AccessLog], null, "Access log test"), Ct));
        var view = await PageAsync(relative, jensId, new AccessLogFilter());

        Assert.Contains(view.Entries, e => e.Section == PatientSection.AccessLog && e.Who == relative.DisplayName && e.Allowed);
    }

    [Fact]
    public async Task A_forged_patient_id_is_refused()
    {
        var jens = await factory.ActorAsync("jens", Ct);

        await Assert.ThrowsAsync<PatientNotFoundException>(() => PageAsync(jens, Guid.NewGuid(), new AccessLogFilter()));
    }
}

public sealed class AccessLogPageTests_Sqlite(SqliteAppFactory factory) : AccessLogPageTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AccessLogPageTests_PostgreSql(PostgreSqlAppFactory factory) : AccessLogPageTests(factory), IClassFixture<PostgreSqlAppFactory>;
