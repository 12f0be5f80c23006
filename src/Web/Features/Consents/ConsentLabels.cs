using CareWorkspace.Domain.Access;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Consents;

public static class ConsentLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(ConsentLabels));

    public static string For(PatientSection section) => section switch
    {
        PatientSection.MasterData => L["Personal details"],
        PatientSection.CareTeam => L["Care team"],
        PatientSection.Conditions => L["Conditions"],
        PatientSection.Relatives => L["Relatives"],
        PatientSection.Messages => L["Messages shared with relatives"],
        PatientSection.Timeline => L["Timeline"],
        PatientSection.Presence => L["Who is viewing now"],
        PatientSection.Consents => L["Consents"],
        PatientSection.Calendar => L["Calendar"],
        PatientSection.CarePlan => L["Care plans"],
        PatientSection.Rehabilitation => L["Rehabilitation plan"],
        PatientSection.Triage => L["Early detection (triage)"],
        PatientSection.Medication => L["Medication"],
        PatientSection.Measurements => L["Home measurements"],
        PatientSection.MedicationAdministration => L["Medication administration"],
        PatientSection.AccessLog => L["Access log (who looked at the record)"],
    };
}
