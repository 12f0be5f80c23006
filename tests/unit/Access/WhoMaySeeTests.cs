using CareWorkspace.Domain.Access;

namespace CareWorkspace.UnitTests.Access;

/// <summary>Who a change is announced to: everyone who may see it (care team, patient, consented relatives), and nobody else.</summary>
public sealed class WhoMaySeeTests
{
    private static readonly Guid PatientId = Guid.NewGuid();
    private static readonly Guid Hospital = Guid.NewGuid();
    private static readonly Guid HomeCare = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static PatientRelationship Jens(params RelativeConsent[] consents) =>
        new(PatientId, "user-jens", [Hospital, HomeCare], consents, Now);

    private static RelativeConsent Consent(string relative, params PatientSection[] sections) =>
        new(PatientId, relative, sections, Now.AddDays(-1));

    [Fact]
    public void Change_ForTheCareTeamOnly_NamesEveryCareTeamOrganisationAndNoPersonalUser()
    {
        var keys = WhoMaySee.Change(Jens(Consent("user-ulla", PatientSection.Messages)), PatientSection.Messages, Audience.CareTeam);

        Assert.Equal([AudienceKey.ForOrganisation(Hospital), AudienceKey.ForOrganisation(HomeCare)], keys);
    }

    [Fact]
    public void Change_SharedWithEveryone_AlsoNamesThePatientAndTheRelativeWhoseConsentGrantsTheSection()
    {
        var keys = WhoMaySee.Change(Jens(Consent("user-ulla", PatientSection.Messages), Consent("user-ole", PatientSection.Timeline)),
            PatientSection.Messages, Audience.Everyone);

        Assert.Contains(AudienceKey.ForUser("user-jens"), keys);
        Assert.Contains(AudienceKey.ForUser("user-ulla"), keys);
        Assert.DoesNotContain(AudienceKey.ForUser("user-ole"), keys);
    }

    [Fact]
    public void Change_SharedWithThePatientOnly_LeavesOutRelatives()
    {
        var keys = WhoMaySee.Change(Jens(Consent("user-ulla", PatientSection.Messages)), PatientSection.Messages, Audience.CareTeam | Audience.Patient);

        Assert.Contains(AudienceKey.ForUser("user-jens"), keys);
        Assert.DoesNotContain(AudienceKey.ForUser("user-ulla"), keys);
    }

    [Fact]
    public void Change_WithdrawnConsent_LeavesOutThatRelative()
    {
        var withdrawn = Consent("user-ulla", PatientSection.Messages);
        withdrawn.Withdraw(Now.AddHours(-1));

        var keys = WhoMaySee.Change(Jens(withdrawn), PatientSection.Messages, Audience.Everyone);

        Assert.DoesNotContain(AudienceKey.ForUser("user-ulla"), keys);
    }

    [Fact]
    public void ListenedToBy_ProfessionalPatientRelativeAndAdministrator_UseOrganisationOwnUserOrNothing()
    {
        Assert.Equal([AudienceKey.ForOrganisation(HomeCare)], AudienceKey.ListenedToBy(new Actor("u1", "Nurse", UserRole.MunicipalNurse, HomeCare, "Home care")));
        Assert.Equal([AudienceKey.ForUser("user-jens")], AudienceKey.ListenedToBy(new Actor("user-jens", "Jens", UserRole.Patient, null, null)));
        Assert.Equal([AudienceKey.ForUser("user-ulla")], AudienceKey.ListenedToBy(new Actor("user-ulla", "Ulla", UserRole.Relative, null, null)));
        Assert.Empty(AudienceKey.ListenedToBy(new Actor("admin", "Admin", UserRole.Administrator, null, null)));
    }
}
