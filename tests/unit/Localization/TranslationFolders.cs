namespace CareWorkspace.UnitTests.Localization;

/// <summary>
/// Which UI folders are translated. A folder moves from <see cref="NotYetTranslated"/> to <see cref="Translated"/>
/// in the commit that translates it; from then on any literal text in its .razor files fails the build.
/// The finished state has <see cref="NotYetTranslated"/> empty.
/// </summary>
public static class TranslationFolders
{
    public static readonly IReadOnlyList<string> Translated =
    [
        "src/Web/Components",
        "src/Web/Features/Account",
        "src/Web/Features/CareTeam",
        "src/Web/Features/Consents",
        "src/Web/Features/AccessLog",
        "src/Web/Features/Live",
        "src/Web/Features/Pathway",
        "src/Web/Features/Timeline",
        "src/Web/Features/Administration",
        "src/Web/Features/Messages",
        "src/Web/Security",
        "src/Web/Features/Patients",
        "src/Web/Features/Video",
        "src/Web/Features/Conferences",
        "src/Web/Features/CalendarFeeds",
        "src/Web/Features/Calendar",
        "src/Web/Features/CarePlans",
        "src/Web/Features/Notifications",
        "src/Web/Features/FollowUp",
        "src/Web/Features/NationalSync",
        "src/Web/Features/Documents",
        "src/Web/Features/Rehabilitation",
        "src/Web/Features/Triage",
        "src/Web/Features/TriageBoard",
        "src/Web/Features/Medicines",
        "src/Web/Features/Measurements",
        "src/Web/Features/Sharing",
    ];

    public static readonly IReadOnlyList<string> NotYetTranslated =
    [
    ];
}
