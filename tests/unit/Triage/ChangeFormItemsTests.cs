using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Triage;

namespace CareWorkspace.UnitTests.Triage;

public sealed class ChangeFormItemsTests
{
    [Fact]
    public void Defaults_AreTheNineteenItemsOfTheDomainBrief_InOrder()
    {
        Assert.Equal(
            ["mood", "memory", "social-activity", "sleep", "initiative", "hygiene", "physical-activity", "falls", "bowels", "breathing", "cough",
             "fatigue", "pain", "dizziness", "appetite", "thirst", "weight", "urination", "medication"],
            ChangeFormItems.Defaults.Items.Select(i => i.Key));
        Assert.All(ChangeFormItems.Defaults.Items, i => Assert.Null(i.Label));
    }

    [Fact]
    public void AUnitsOwnItem_NeedsALabel()
    {
        Assert.Throws<DomainException>(() => new ChangeItem("skin"));
        var skin = new ChangeItem("Skin", "Skin and pressure sores");
        Assert.Equal("skin", skin.Key);
        Assert.True(new ChangeFormItems([new ChangeItem("mood"), skin]).Contains("skin"));
    }

    [Fact]
    public void AForm_IsRefused_EmptyOrWithAnItemTwice()
    {
        Assert.Throws<DomainException>(() => new ChangeFormItems([]));
        Assert.Throws<DomainException>(() => new ChangeFormItems([new ChangeItem("mood"), new ChangeItem("MOOD")]));
        Assert.Throws<DomainException>(() => new ChangeFormItems(Enumerable.Range(0, 41).Select(i => new ChangeItem("item" + i, "Item " + i))));
    }
}
