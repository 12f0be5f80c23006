namespace CareWorkspace.Domain.Triage;

/// <summary>Why a colour was suggested (docs/triage.md, "Colour rules").</summary>
public enum TriageReasonKind
{
    /// <summary>NEWS2 total of 5 or more.</summary>
    News2High,

    /// <summary>One NEWS2 parameter scored 3.</summary>
    News2SingleParameter,

    /// <summary>TOBS total of 4 or more.</summary>
    TobsHigh,

    /// <summary>One TOBS parameter scored 3.</summary>
    TobsSingleParameter,

    /// <summary>NEWS2 total 1–4.</summary>
    News2Low,

    /// <summary>TOBS total 2–3 (the municipal "call the nurse" level).</summary>
    TobsRaised,

    /// <summary>An item of the change form was answered "changed".</summary>
    ItemChanged,

    /// <summary>Nothing changed and the scores are 0 (or not measured): the usual state.</summary>
    AsUsual,
}
