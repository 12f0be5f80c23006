using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Features.Live;

namespace CareWorkspace.UnitTests.Accessibility;

public sealed class ChangeAnnouncementsTests
{
    private static readonly Actor Gp = new("gp-id", "Peter Larsen", UserRole.GeneralPractitioner, Guid.NewGuid(), "Lægerne Strandvejen");
    private static readonly Actor Relative = new("ulla-id", "Ulla Jensen", UserRole.Relative, null, null);
    private static readonly IReadOnlySet<PatientSection> Everything = Enum.GetValues<PatientSection>().ToHashSet();
    private static readonly Guid Patient = Guid.NewGuid();

    [Fact]
    public void A_care_team_change_by_someone_else_is_announced_with_their_name() =>
        Assert.Equal("Lise Dahl changed the care team",
            ChangeAnnouncements.For(new PathwayChange(Patient, PatientSection.CareTeam, null, "lise-id"), Gp, Everything, "Lise Dahl"));

    [Fact]
    public void The_viewers_own_change_is_not_announced() =>
        Assert.Null(ChangeAnnouncements.For(new PathwayChange(Patient, PatientSection.CareTeam, null, Gp.UserId), Gp, Everything, Gp.DisplayName));

    [Fact]
    public void A_change_without_an_author_is_not_announced() =>
        Assert.False(ChangeAnnouncements.IsAnnounced(new PathwayChange(Patient, PatientSection.Consents), Gp, Everything));

    [Theory]
    [InlineData(PatientSection.Presence)]
    [InlineData(PatientSection.Timeline)]
    public void Presence_and_the_timeline_echo_are_silent(PatientSection section) =>
        Assert.False(ChangeAnnouncements.IsAnnounced(new PathwayChange(Patient, section, null, "lise-id"), Gp, Everything));

    [Fact]
    public void A_section_the_viewer_may_not_see_is_not_announced()
    {
        var careTeamOnly = new HashSet<PatientSection> { PatientSection.CareTeam };
        Assert.False(ChangeAnnouncements.IsAnnounced(new PathwayChange(Patient, PatientSection.Messages, null, "lise-id"), Relative, careTeamOnly));
        Assert.True(ChangeAnnouncements.IsAnnounced(new PathwayChange(Patient, PatientSection.CareTeam, null, "lise-id"), Relative, careTeamOnly));
    }

    [Fact]
    public void A_message_for_the_care_team_only_is_not_announced_to_a_relative()
    {
        var staffOnly = new PathwayChange(Patient, PatientSection.Messages, null, "gp-id") { Audience = Audience.CareTeam };
        Assert.False(ChangeAnnouncements.IsAnnounced(staffOnly, Relative, Everything));
        Assert.Equal("Peter Larsen wrote a message", ChangeAnnouncements.For(staffOnly, Gp with { UserId = "nurse-id" }, Everything, "Peter Larsen"));
    }
}
