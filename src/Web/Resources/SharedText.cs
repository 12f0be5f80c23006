namespace CareWorkspace.Web.Resources;

/// <summary>
/// Texts used all over the app (Save, Cancel, Close, common errors): <c>@inject IStringLocalizer&lt;SharedText&gt; S</c>
/// and <c>S["Save"]</c>. The texts are in SharedText.resx (English) and SharedText.da.resx (Danish).
/// </summary>
public sealed class SharedText;
