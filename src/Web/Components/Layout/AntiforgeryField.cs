using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CareWorkspace.Web.Components.Layout;

/// <summary>
/// The antiforgery token as a hidden field, exactly as <see cref="AntiforgeryToken"/> renders it, but without a component
/// per form: the layout's four forms (language, sign-out) are on every page, and each component stayed in the page's
/// server memory (docs/benchmarks.md).
/// </summary>
internal static class AntiforgeryField
{
    /// <summary>The request's token, read once when the form's component starts; null where there is none.</summary>
    public static AntiforgeryRequestToken? TokenFrom(IServiceProvider services) =>
        services.GetService<AntiforgeryStateProvider>()?.GetAntiforgeryToken();

    public static RenderFragment For(AntiforgeryRequestToken? token) => builder =>
    {
        if (token is null)
            return;
        builder.OpenElement(0, "input");
        builder.AddAttribute(1, "type", "hidden");
        builder.AddAttribute(2, "name", token.FormFieldName);
        builder.AddAttribute(3, "value", token.Value);
        builder.CloseElement();
    };
}
