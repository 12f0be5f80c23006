using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Localization;
using CareWorkspace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features;

/// <summary>
/// What to tell the user when an action or a load fails. Refusals and domain rules explain themselves; anything
/// else gets a plain message that says what happened to their input, never the exception's technical text.
/// </summary>
public static class ActionErrors
{
    public static string Unavailable =>
        Text["The database or the live-update service did not answer, so this was not saved. What you typed is still here: try again in a moment."];

    public static string Unexpected =>
        Text["Something went wrong and this was not saved. What you typed is still here: try again, and tell support if it keeps happening."];

    /// <summary>The rules said no, or the item changed: the user can act on the message itself.</summary>
    public static bool IsExplained(Exception ex) =>
        ex is DomainException or PatientAccessDeniedException or PatientNotFoundException or StaleEditException;

    public static string Describe(Exception ex) => ex switch
    {
        _ when IsExplained(ex) => DomainText.Explain(ex),
        _ when Retry.IsTransient(ex) => Unavailable,
        _ => Unexpected,
    };

    /// <summary>Why something could not be shown (nothing was being saved).</summary>
    public static string DescribeLoad(Exception ex) => ex switch
    {
        _ when IsExplained(ex) => DomainText.Explain(ex),
        _ when Retry.IsTransient(ex) => Text["The database or the live-update service did not answer."],
        _ => Text["Something went wrong."],
    };

    private static IStringLocalizer Text => StaticText.For(typeof(ActionErrors));
}
