using Bunit;
using MudBlazor.Services;

namespace CareWorkspace.UnitTests.Components;

public abstract class BunitTestBase : BunitContext
{
    protected BunitTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
