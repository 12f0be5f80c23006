using CareWorkspace.Web.Features.TriageBoard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CareWorkspace.TriageBoardBenchmark;

/// <summary>One open board as its circuit renders it: the unit's cards, keyed by citizen, re-rendered by diffing when the board is read again.</summary>
internal sealed class BoardHost : ComponentBase
{
    private TriageBoardScreen? screen;

    [Parameter, EditorRequired]
    public Action<BoardHost> Opened { get; set; } = null!;

    protected override void OnInitialized() => Opened(this);

    /// <summary>Shows a new read of the board (call on the renderer's dispatcher).</summary>
    public void Show(TriageBoardScreen board)
    {
        screen = board;
        StateHasChanged();
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (screen is null)
            return;
        foreach (var citizen in screen.Board.Citizens)
        {
            builder.OpenComponent<TriageBoardCard>(0);
            builder.SetKey(citizen.PatientId);
            builder.AddComponentParameter(1, nameof(TriageBoardCard.Citizen), citizen);
            builder.AddComponentParameter(2, nameof(TriageBoardCard.Now), screen.Board.AsOf);
            builder.AddComponentParameter(3, nameof(TriageBoardCard.FlagAfterDays), screen.FlagAfterDays);
            builder.CloseComponent();
        }
    }
}
