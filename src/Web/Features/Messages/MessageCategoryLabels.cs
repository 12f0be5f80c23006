using CareWorkspace.Domain.Messaging;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.Web.Features.Messages;

/// <summary>Message categories as people read them.</summary>
public static class MessageCategoryLabels
{
    public static string For(MessageCategory category) => Text[category switch
    {
        MessageCategory.Medication => "Medication",
        MessageCategory.Discharge => "Discharge",
        MessageCategory.Rehabilitation => "Rehabilitation",
        MessageCategory.Practical => "Practical",
        _ => "Other",
    }];

    private static Microsoft.Extensions.Localization.IStringLocalizer Text => StaticText.For(typeof(MessageCategoryLabels));
}
