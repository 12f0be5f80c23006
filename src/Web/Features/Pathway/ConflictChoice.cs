namespace CareWorkspace.Web.Features.Pathway;

public enum ConflictChoice
{
    Reload,
    ApplyMineAgain,
}
