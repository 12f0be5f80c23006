using CareWorkspace.Domain.Triage;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Triage;

/// <summary>The words of early detection: colours, the default change-form items, vital signs, reasons and plan entries.</summary>
public static class TriageLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(TriageLabels));

    public static string For(TriageColour colour) => colour switch
    {
        TriageColour.Green => L["Green"],
        TriageColour.Yellow => L["Yellow"],
        TriageColour.Red => L["Red"],
        _ => colour.ToString(),
    };

    /// <summary>The CSS class of a colour chip (contrast-checked colours in app.css).</summary>
    public static string CssClass(TriageColour colour) => "triage-chip triage-" + colour.ToString().ToLowerInvariant();

    /// <summary>A change-form item: the unit's own label, or the default item's words in the reader's language.</summary>
    public static string For(ChangeItem item) => item.Label ?? Item(item.Key);

    public static string Item(string key) => key switch
    {
        "mood" => L["Mood"],
        "memory" => L["Memory"],
        "social-activity" => L["Social activity"],
        "sleep" => L["Sleep"],
        "initiative" => L["Initiative"],
        "hygiene" => L["Hygiene"],
        "physical-activity" => L["Physical activity"],
        "falls" => L["Falls"],
        "bowels" => L["Bowels"],
        "breathing" => L["Breathing"],
        "cough" => L["Cough"],
        "fatigue" => L["Fatigue"],
        "pain" => L["Pain"],
        "dizziness" => L["Dizziness"],
        "appetite" => L["Appetite"],
        "thirst" => L["Thirst"],
        "weight" => L["Weight"],
        "urination" => L["Urination"],
        "medication" => L["Medication"],
        _ => key,
    };

    public static string For(VitalSign sign) => sign switch
    {
        VitalSign.Pulse => L["Pulse"],
        VitalSign.RespiratoryRate => L["Respiratory rate"],
        VitalSign.SystolicBloodPressure => L["Systolic blood pressure"],
        VitalSign.Temperature => L["Temperature"],
        VitalSign.OxygenSaturation => L["Oxygen saturation"],
        VitalSign.OnOxygen => L["On oxygen"],
        VitalSign.Consciousness => L["Consciousness"],
        _ => sign.ToString(),
    };

    public static string For(Consciousness level) => level switch
    {
        Consciousness.Alert => L["Alert"],
        Consciousness.NewConfusion => L["New confusion"],
        Consciousness.Agitated => L["Agitated"],
        Consciousness.Voice => L["Responds to voice"],
        Consciousness.Pain => L["Responds to pain"],
        Consciousness.Unresponsive => L["Unresponsive"],
        _ => level.ToString(),
    };

    public static string For(SpO2Scale scale) => scale == SpO2Scale.Scale2 ? L["Scale 2 (e.g. COPD, set by a clinician)"] : L["Scale 1"];

    public static string For(TriageReason reason) => reason.Kind switch
    {
        TriageReasonKind.News2High => L["NEWS2 is {0} (5 or more)", reason.Points ?? 0],
        TriageReasonKind.News2SingleParameter => L["{0} scores 3 in NEWS2", Parameter(reason)],
        TriageReasonKind.TobsHigh => L["TOBS is {0} (4 or more)", reason.Points ?? 0],
        TriageReasonKind.TobsSingleParameter => L["{0} scores 3 in TOBS", Parameter(reason)],
        TriageReasonKind.News2Low => L["NEWS2 is {0} (1 to 4)", reason.Points ?? 0],
        TriageReasonKind.TobsRaised => L["TOBS is {0} (2 to 3)", reason.Points ?? 0],
        TriageReasonKind.ItemChanged => L["Changed: {0}", Item(reason.ItemKey ?? "")],
        _ => L["As usual: nothing changed and no raised score"],
    };

    public static string For(ActionEntryKind kind) => kind switch
    {
        ActionEntryKind.FollowedUp => L["Followed up"],
        ActionEntryKind.EscalatedToGp => L["Escalated to the GP"],
        ActionEntryKind.AcuteHelpCalled => L["Acute help called"],
        _ => kind.ToString(),
    };

    private static string Parameter(TriageReason reason) => reason.Parameter is { } p ? For(p) : "";
}
