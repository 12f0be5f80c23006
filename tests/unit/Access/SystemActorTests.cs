using CareWorkspace.Domain.Access;

namespace CareWorkspace.UnitTests.Access;

/// <summary>Background jobs act as the system actor: known to the policy, named in the log, limited to what jobs need.</summary>
public sealed class SystemActorTests
{
    private static readonly PatientRelationship NoCareTeam = new(Guid.NewGuid(), "user-patient", [], [], new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_reminder_job_is_named_in_the_access_log_as_a_system_actor()
    {
        var actor = SystemActor.AppointmentReminders;

        Assert.Equal(UserRole.System, actor.Role);
        Assert.Equal("System: appointment reminders", actor.DisplayName);
        Assert.StartsWith(SystemActor.UserIdPrefix, actor.UserId, StringComparison.Ordinal);
        Assert.False(actor.IsHealthProfessional);
        Assert.Empty(AudienceKey.ListenedToBy(actor));
    }

    [Fact]
    public void A_job_reads_personal_details_of_any_patient_without_being_on_the_care_team()
    {
        var decision = PatientAccessPolicy.Decide(SystemActor.AppointmentReminders, NoCareTeam, AccessAction.Read, PatientSection.MasterData);

        Assert.True(decision.Allowed, decision.Reason);
    }

    [Fact]
    public void The_national_sync_may_create_a_GP_follow_up_task_in_the_care_team_after_an_imported_discharge()
    {
        var decision = PatientAccessPolicy.Decide(SystemActor.NationalSync, NoCareTeam, AccessAction.Create, PatientSection.CareTeam);

        Assert.True(decision.Allowed, decision.Reason);
        Assert.Equal("System: national services sync", SystemActor.NationalSync.DisplayName);
    }

    [Fact]
    public void The_national_sync_may_update_master_data_from_the_person_register()
    {
        var decision = PatientAccessPolicy.Decide(SystemActor.NationalSync, NoCareTeam, AccessAction.Update, PatientSection.MasterData);

        Assert.True(decision.Allowed, decision.Reason);
    }

    [Theory]
    [InlineData(PatientSection.Messages, AccessAction.Read)]
    [InlineData(PatientSection.Conditions, AccessAction.Read)]
    [InlineData(PatientSection.Consents, AccessAction.Update)]
    [InlineData(PatientSection.MasterData, AccessAction.Delete)]
    [InlineData(PatientSection.CareTeam, AccessAction.Delete)]
    public void A_job_may_not_do_what_no_job_needs(PatientSection section, AccessAction action)
    {
        var decision = PatientAccessPolicy.Decide(SystemActor.FollowUpTasks, NoCareTeam, action, section);

        Assert.False(decision.Allowed);
        Assert.Contains("The role System may not", decision.Reason, StringComparison.Ordinal);
    }
}
