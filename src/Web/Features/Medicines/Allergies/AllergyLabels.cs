using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Medicines.Allergies;

/// <summary>The words for an allergy entry's severity, certainty, status, source and history lines, and the banner's line.</summary>
public static class AllergyLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(AllergyLabels));

    public static string For(AllergySeverity severity) => severity switch
    {
        AllergySeverity.Mild => L["Mild"],
        AllergySeverity.Moderate => L["Moderate"],
        AllergySeverity.Severe => L["Severe"],
        AllergySeverity.LifeThreatening => L["Life-threatening"],
        _ => severity.ToString(),
    };

    public static string For(AllergyCertainty certainty) => certainty switch
    {
        AllergyCertainty.Suspected => L["Suspected"],
        AllergyCertainty.Confirmed => L["Confirmed"],
        _ => certainty.ToString(),
    };

    public static string For(AllergyStatus status) => status switch
    {
        AllergyStatus.Active => L["Active"],
        AllergyStatus.Resolved => L["Resolved"],
        AllergyStatus.EnteredInError => L["Entered in error"],
        _ => status.ToString(),
    };

    public static string For(AllergySource source) => source switch
    {
        AllergySource.Local => L["Recorded here"],
        AllergySource.National => L["National register"],
        _ => source.ToString(),
    };

    /// <summary>One entry as the banner and the printed list say it: "Penicillins (J01C) — confirmed, severe: anaphylaxis".</summary>
    public static string Line(string name, AllergyCertainty certainty, AllergySeverity severity, string? reaction) =>
        reaction is null
            ? L["{0} — {1}, {2}", name, For(certainty).ToLowerInvariant(), For(severity).ToLowerInvariant()]
            : L["{0} — {1}, {2}: {3}", name, For(certainty).ToLowerInvariant(), For(severity).ToLowerInvariant(), reaction];

    /// <summary>One entry as the banner's accessible name says it: "Penicillins (J01C) (confirmed, severe)".</summary>
    public static string Short(string name, AllergyCertainty certainty, AllergySeverity severity) =>
        L["{0} ({1}, {2})", name, For(certainty).ToLowerInvariant(), For(severity).ToLowerInvariant()];

    /// <summary>One line of an entry's history, in the reader's language.</summary>
    public static string For(AllergyChange change) => change.Kind switch
    {
        AllergyChangeKind.Recorded => L["Recorded {0}", change.To ?? ""],
        AllergyChangeKind.SubstanceChanged => L["Substance: {0} → {1}", change.From ?? "–", change.To ?? "–"],
        AllergyChangeKind.AtcCodeChanged => L["ATC code: {0} → {1}", change.From ?? "–", change.To ?? "–"],
        AllergyChangeKind.ReactionChanged => L["Reaction: {0} → {1}", change.From ?? "–", change.To ?? "–"],
        AllergyChangeKind.SeverityChanged => L["Severity: {0} → {1}", Enum<AllergySeverity>(change.From), Enum<AllergySeverity>(change.To)],
        AllergyChangeKind.CertaintyChanged => L["Certainty: {0} → {1}", Enum<AllergyCertainty>(change.From), Enum<AllergyCertainty>(change.To)],
        AllergyChangeKind.StatusChanged => L["Status: {0} → {1}", Enum<AllergyStatus>(change.From), Enum<AllergyStatus>(change.To)],
        _ => change.Kind.ToString(),
    };

    private static string Enum<T>(string? code) where T : struct, Enum =>
        System.Enum.TryParse<T>(code, out var value) ? value switch
        {
            AllergySeverity s => For(s),
            AllergyCertainty c => For(c),
            AllergyStatus st => For(st),
            _ => code!,
        } : code ?? "–";
}
