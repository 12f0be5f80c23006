using CareWorkspace.Domain.Access;

namespace CareWorkspace.UnitTests.Access;

/// <summary>Patients and relatives may write messages; beyond that only the patient manages their own consents.</summary>
public sealed class PatientAccessPolicyMessagesTests
{
    private static readonly Guid PatientId = Guid.NewGuid();
    private static readonly DateTimeOffset GivenAt = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor PatientActor = new("user-patient", "Jens Hansen", UserRole.Patient, null, null);
    private static readonly Actor RelativeActor = new("user-relative", "Ulla Hansen", UserRole.Relative, null, null);

    public static TheoryData<PatientSection> OtherSections => new(Enum.GetValues<PatientSection>().Where(s => s is not (PatientSection.Messages or PatientSection.Consents or PatientSection.Rehabilitation)));

    public static TheoryData<AccessAction> ChangingActions => new(AccessAction.Update, AccessAction.Delete);

    private static PatientRelationship Relationship(params RelativeConsent[] consents) =>
        new(PatientId, PatientActor.UserId, [Guid.NewGuid()], consents, GivenAt.AddDays(30));

    private static RelativeConsent Consent(params PatientSection[] sections) => new(PatientId, RelativeActor.UserId, sections, GivenAt);

    private static RelativeConsent ConsentToEverything() => Consent([.. RelativeConsent.GrantableSections]);

    private static bool Allowed(Actor actor, PatientRelationship patient, AccessAction action, PatientSection section) =>
        PatientAccessPolicy.Decide(actor, patient, action, section).Allowed;

    [Fact]
    public void Decide_PatientCreatesMessage_Allowed()
    {
        Assert.True(Allowed(PatientActor, Relationship(), AccessAction.Create, PatientSection.Messages));
    }

    [Theory]
    [MemberData(nameof(ChangingActions))]
    public void Decide_PatientChangesMessages_Denied(AccessAction action)
    {
        Assert.False(Allowed(PatientActor, Relationship(), action, PatientSection.Messages));
    }

    [Theory]
    [MemberData(nameof(OtherSections))]
    public void Decide_PatientCreatesInOtherSection_Denied(PatientSection section)
    {
        Assert.False(Allowed(PatientActor, Relationship(), AccessAction.Create, section));
    }

    [Fact]
    public void Decide_PatientAndRelativeWithConsent_LogTrainingButDoNotChangeThePlan()
    {
        Assert.True(Allowed(PatientActor, Relationship(), AccessAction.Create, PatientSection.Rehabilitation));
        Assert.True(Allowed(RelativeActor, Relationship(Consent(PatientSection.Rehabilitation)), AccessAction.Create, PatientSection.Rehabilitation));
        Assert.False(Allowed(RelativeActor, Relationship(Consent(PatientSection.Messages)), AccessAction.Create, PatientSection.Rehabilitation));
        Assert.False(Allowed(PatientActor, Relationship(), AccessAction.Update, PatientSection.Rehabilitation));
    }

    [Fact]
    public void Decide_PatientGivesConsent_Allowed()
    {
        Assert.True(Allowed(PatientActor, Relationship(), AccessAction.Create, PatientSection.Consents));
    }

    [Fact]
    public void Decide_RelativeReadsOrGivesConsents_DeniedEvenWithConsentToEverything()
    {
        Assert.False(Allowed(RelativeActor, Relationship(ConsentToEverything()), AccessAction.Read, PatientSection.Consents));
        Assert.False(Allowed(RelativeActor, Relationship(ConsentToEverything()), AccessAction.Create, PatientSection.Consents));
    }

    [Fact]
    public void Decide_OtherPatientCreatesMessage_Denied()
    {
        var stranger = PatientActor with { UserId = "user-other-patient" };

        Assert.False(Allowed(stranger, Relationship(), AccessAction.Create, PatientSection.Messages));
    }

    [Fact]
    public void Decide_RelativeWithMessagesConsentCreatesMessage_Allowed()
    {
        Assert.True(Allowed(RelativeActor, Relationship(Consent(PatientSection.Messages)), AccessAction.Create, PatientSection.Messages));
    }

    [Theory]
    [MemberData(nameof(ChangingActions))]
    public void Decide_RelativeChangesMessages_Denied(AccessAction action)
    {
        Assert.False(Allowed(RelativeActor, Relationship(ConsentToEverything()), action, PatientSection.Messages));
    }

    [Theory]
    [MemberData(nameof(OtherSections))]
    public void Decide_RelativeCreatesInOtherSectionEvenWithConsent_Denied(PatientSection section)
    {
        Assert.False(Allowed(RelativeActor, Relationship(ConsentToEverything()), AccessAction.Create, section));
    }

    [Fact]
    public void Decide_RelativeWithoutMessagesInConsent_DeniedNamingTheSection()
    {
        var consent = Consent(PatientSection.MasterData, PatientSection.CareTeam, PatientSection.Timeline);

        var decision = PatientAccessPolicy.Decide(RelativeActor, Relationship(consent), AccessAction.Create, PatientSection.Messages);

        Assert.False(decision.Allowed);
        Assert.Contains("Messages", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RelativeWithWithdrawnConsent_Denied()
    {
        var consent = Consent(PatientSection.Messages);
        consent.Withdraw(GivenAt.AddDays(1));

        Assert.False(Allowed(RelativeActor, Relationship(consent), AccessAction.Create, PatientSection.Messages));
    }
}
