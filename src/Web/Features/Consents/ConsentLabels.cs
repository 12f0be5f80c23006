using CareWorkspace.Domain.Access;

namespace CareWorkspace.Web.Features.Consents;

public static class ConsentLabels
{
    public static string For(PatientSection section) => section switch
    {
        PatientSection.MasterData => "Personal details",
        PatientSection.CareTeam => "Care team",
        PatientSection.Conditions => "Conditions",
        PatientSection.Relatives => "Relatives",
        PatientSection.Messages => "Messages shared with relatives",
        PatientSection.Timeline => "Timeline",
        PatientSection.Presence => "Who is viewing now",
        PatientSection.Consents => "Consents",
    };
}
