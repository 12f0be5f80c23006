using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Patients;

/// <summary>Care-team roles, sectors, relationships and contact channels as people read them, in the reader's language.</summary>
public static class PatientLabels
{
    public static string For(CareTeamRole role) => Text[role switch
    {
        CareTeamRole.TreatingHospital => "Treating hospital",
        CareTeamRole.GeneralPractitioner => "General practitioner",
        CareTeamRole.HomeCare => "Home care",
        CareTeamRole.Rehabilitation => "Rehabilitation",
        CareTeamRole.HomeNursing => "Home nursing",
        CareTeamRole.Coordinator => "Coordinator",
    }];

    public static string For(Sector sector) => Text[sector switch
    {
        Sector.Hospital => "Hospital",
        Sector.GeneralPractice => "General practice",
        Sector.Municipality => "Municipality",
    }];

    public static string For(RelationshipCode relationship) => Text[relationship switch
    {
        RelationshipCode.NOK => "Next of kin",
        RelationshipCode.SPS => "Spouse",
        RelationshipCode.CHILD => "Child",
        RelationshipCode.POWATT => "Power of attorney",
        RelationshipCode.GUARD => "Guardian",
        RelationshipCode.FRND => "Friend",
    }];

    public static string For(ContactChannel channel) => Text[channel switch
    {
        ContactChannel.Phone => "Phone",
        ContactChannel.SecureMessage => "Secure message",
        ContactChannel.Letter => "Letter (Digital Post)",
        ContactChannel.ThroughRelative => "Through the contact relative",
    }];

    private static IStringLocalizer Text => StaticText.For(typeof(PatientLabels));
}
