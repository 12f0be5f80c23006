using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Messaging;

namespace CareWorkspace.UnitTests.Messaging;

public sealed class MessageThreadTests
{
    private static readonly Guid PatientId = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2025, 3, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly Actor Nurse = new("user-nurse", "Anna Nurse", UserRole.MunicipalNurse, Guid.NewGuid(), "Aarhus Kommune");
    private static readonly Actor PatientActor = new("user-patient", "Jens Hansen", UserRole.Patient, null, null);
    private static readonly Actor RelativeActor = new("user-relative", "Ulla Hansen", UserRole.Relative, null, null);
    private static readonly Actor Admin = new("user-admin", "Admin", UserRole.Administrator, null, null);

    public static TheoryData<UserRole> CareTeamRoles => new(Enum.GetValues<UserRole>().Where(r => ActorAs(r).IsHealthProfessional));

    public static TheoryData<bool, bool> Sharings => new() { { false, false }, { true, false }, { false, true }, { true, true } };

    private static Actor ActorAs(UserRole role) => new($"user-{role}", $"{role} user", role, Guid.NewGuid(), "Org");

    private static MessageThread NewThread(bool sharedWithPatient = false, bool sharedWithRelatives = false, bool needsAction = false, string text = "Please check the dressing.") =>
        new(PatientId, "Wound care", MessageCategory.Practical, sharedWithPatient, sharedWithRelatives, Nurse, text, Start, needsAction);

    private static (AttachmentCheck File, string StorageKey)[] Attachments(int count) =>
        Enumerable.Range(0, count).Select(i => (new AttachmentCheck($"scan{i}.pdf", "application/pdf", 1000), Guid.NewGuid().ToString("N"))).ToArray();

    [Theory]
    [MemberData(nameof(CareTeamRoles))]
    public void IsVisibleTo_CareTeamRole_SeesEveryThread(UserRole role)
    {
        foreach (var (patient, relatives) in new[] { (false, false), (true, false), (false, true), (true, true) })
            Assert.True(NewThread(patient, relatives).IsVisibleTo(ActorAs(role)), $"{role} shared patient={patient} relatives={relatives}");
    }

    [Theory]
    [MemberData(nameof(Sharings))]
    public void IsVisibleTo_Patient_OnlyWhenSharedWithPatient(bool sharedWithPatient, bool sharedWithRelatives)
    {
        Assert.Equal(sharedWithPatient, NewThread(sharedWithPatient, sharedWithRelatives).IsVisibleTo(PatientActor));
    }

    [Theory]
    [MemberData(nameof(Sharings))]
    public void IsVisibleTo_Relative_OnlyWhenSharedWithRelatives(bool sharedWithPatient, bool sharedWithRelatives)
    {
        Assert.Equal(sharedWithRelatives, NewThread(sharedWithPatient, sharedWithRelatives).IsVisibleTo(RelativeActor));
    }

    [Theory]
    [MemberData(nameof(Sharings))]
    public void IsVisibleTo_Administrator_Never(bool sharedWithPatient, bool sharedWithRelatives)
    {
        Assert.False(NewThread(sharedWithPatient, sharedWithRelatives).IsVisibleTo(Admin));
    }

    [Fact]
    public void Constructor_Valid_StartsThreadWithFirstMessage()
    {
        var thread = NewThread(text: "  Please check the dressing.  ");

        var message = Assert.Single(thread.Messages);
        Assert.Equal("Please check the dressing.", message.Text);
        Assert.Equal((Nurse.UserId, Nurse.DisplayName, Nurse.Role, Nurse.OrganisationName), (message.AuthorUserId, message.AuthorName, message.AuthorRole, message.AuthorOrganisation));
        Assert.Equal(Start, thread.LastMessageAt);
        Assert.Equal(Nurse.UserId, thread.StartedByUserId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_NoText_Refused(string text)
    {
        var ex = Assert.Throws<DomainException>(() => NewThread(text: text));

        Assert.Contains("Message text is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_TextAtMaxLength_Accepted()
    {
        var thread = NewThread();

        var message = thread.Reply(Nurse, new string('x', Message.TextMaxLength), Start.AddMinutes(1), false, []);

        Assert.Equal(Message.TextMaxLength, message.Text.Length);
    }

    [Fact]
    public void Reply_TextOverMaxLength_RefusedAndNotAdded()
    {
        var thread = NewThread();

        var ex = Assert.Throws<DomainException>(() => thread.Reply(Nurse, new string('x', Message.TextMaxLength + 1), Start.AddMinutes(1), false, []));

        Assert.Contains("4000", ex.Message, StringComparison.Ordinal);
        Assert.Single(thread.Messages);
    }

    [Fact]
    public void Reply_ScriptText_StoredVerbatim()
    {
        const string script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var thread = NewThread();

        var message = thread.Reply(Nurse, script, Start.AddMinutes(1), false, []);

        Assert.Equal(script, message.Text);
    }

    [Fact]
    public void Reply_Visible_AddsMessageAndMovesLastMessageAt()
    {
        var thread = NewThread(sharedWithPatient: true);

        thread.Reply(PatientActor, "Thank you", Start.AddHours(2), false, []);

        Assert.Equal(2, thread.Messages.Count);
        Assert.Equal(Start.AddHours(2), thread.LastMessageAt);
    }

    [Fact]
    public void Reply_ByPatientWhenNotShared_RefusedAndNotAdded()
    {
        var thread = NewThread(sharedWithPatient: false, sharedWithRelatives: true);

        var ex = Assert.Throws<DomainException>(() => thread.Reply(PatientActor, "Hello?", Start.AddMinutes(1), false, []));

        Assert.Contains("not shared with you", ex.Message, StringComparison.Ordinal);
        Assert.Single(thread.Messages);
    }

    [Fact]
    public void Reply_ByRelativeWhenNotShared_Refused()
    {
        var thread = NewThread(sharedWithPatient: true, sharedWithRelatives: false);

        Assert.Throws<DomainException>(() => thread.Reply(RelativeActor, "Hello?", Start.AddMinutes(1), false, []));
    }

    [Fact]
    public void Reply_ByAdministrator_Refused()
    {
        var thread = NewThread(sharedWithPatient: true, sharedWithRelatives: true);

        Assert.Throws<DomainException>(() => thread.Reply(Admin, "Hello?", Start.AddMinutes(1), false, []));
    }

    [Fact]
    public void Constructor_ByPatientNotSharedWithPatient_Refused()
    {
        Assert.Throws<DomainException>(() =>
            new MessageThread(PatientId, "Question", MessageCategory.Other, false, true, PatientActor, "Hello", Start));
    }

    [Fact]
    public void Reply_FiveAttachments_Accepted()
    {
        var thread = NewThread();

        var message = thread.Reply(Nurse, "Scans attached", Start.AddMinutes(1), false, Attachments(AttachmentPolicy.MaxPerMessage));

        Assert.Equal(AttachmentPolicy.MaxPerMessage, message.Attachments.Count);
        Assert.Equal("scan0.pdf", message.Attachments[0].FileName);
    }

    [Fact]
    public void Reply_SixAttachments_RefusedAndNotAdded()
    {
        var thread = NewThread();

        var ex = Assert.Throws<DomainException>(() => thread.Reply(Nurse, "Scans attached", Start.AddMinutes(1), false, Attachments(AttachmentPolicy.MaxPerMessage + 1)));

        Assert.Contains("at most 5 attachments", ex.Message, StringComparison.Ordinal);
        Assert.Single(thread.Messages);
    }

    [Fact]
    public void NeedsAction_FlaggedOrNot_FollowsFlag()
    {
        Assert.True(NewThread(needsAction: true).NeedsAction);
        Assert.False(NewThread(needsAction: false).NeedsAction);
    }

    [Fact]
    public void MarkActionHandled_ByCareTeam_ClearsNeedsActionAndRecordsWho()
    {
        var thread = NewThread(needsAction: true);

        thread.MarkActionHandled(Nurse, Start.AddHours(1));

        Assert.False(thread.NeedsAction);
        Assert.Equal(Start.AddHours(1), thread.ActionHandledAt);
        Assert.Equal(Nurse.DisplayName, thread.ActionHandledBy);
    }

    [Fact]
    public void Reply_NeedsActionAfterHandled_ReopensAction()
    {
        var thread = NewThread(needsAction: true);
        thread.MarkActionHandled(Nurse, Start.AddHours(1));

        thread.Reply(Nurse, "One more thing", Start.AddHours(2), needsAction: true, []);

        Assert.True(thread.NeedsAction);
        Assert.Null(thread.ActionHandledAt);
        Assert.Null(thread.ActionHandledBy);
    }

    [Fact]
    public void Reply_WithoutActionAfterHandled_StaysHandled()
    {
        var thread = NewThread(needsAction: true);
        thread.MarkActionHandled(Nurse, Start.AddHours(1));

        thread.Reply(Nurse, "Thanks", Start.AddHours(2), needsAction: false, []);

        Assert.False(thread.NeedsAction);
    }

    [Theory]
    [InlineData(UserRole.Patient)]
    [InlineData(UserRole.Relative)]
    [InlineData(UserRole.Administrator)]
    public void MarkActionHandled_ByNonProfessional_RefusedAndStillNeedsAction(UserRole role)
    {
        var thread = NewThread(sharedWithPatient: true, sharedWithRelatives: true, needsAction: true);

        var ex = Assert.Throws<DomainException>(() => thread.MarkActionHandled(ActorAs(role), Start.AddHours(1)));

        Assert.Contains("Only care team members", ex.Message, StringComparison.Ordinal);
        Assert.True(thread.NeedsAction);
    }
}
