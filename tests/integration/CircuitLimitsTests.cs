using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Components.Layout;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// What one circuit may hold on the server (docs/benchmarks.md, "Circuit options"), and the theme kept out of the
/// circuits: it is rendered once into each page response instead.
/// </summary>
public sealed class CircuitLimitsTests : IAsyncLifetime
{
    private readonly CareAppFactory factory = new(DatabaseProvider.Sqlite);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    [Fact]
    public void Circuits_are_bounded_but_still_survive_a_short_disconnect()
    {
        var circuit = factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(2), circuit.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(100, circuit.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(30), circuit.JSInteropDefaultCallTimeout);
        Assert.Equal(5, circuit.MaxBufferedUnacknowledgedRenderBatches);
        Assert.False(circuit.DetailedErrors);
    }

    [Fact]
    public void The_circuit_hub_accepts_small_messages_one_at_a_time()
    {
        // Blazor's hub type is internal; its options are resolved by name.
        var componentHub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var optionsType = typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(componentHub));
        var options = factory.Services.GetRequiredService(optionsType);
        var hub = (HubOptions)optionsType.GetProperty(nameof(IOptions<>.Value))!.GetValue(options)!;

        Assert.Equal(32 * 1024, hub.MaximumReceiveMessageSize);
        Assert.Equal(1, hub.MaximumParallelInvocationsPerClient);
        Assert.Equal(4, hub.StreamBufferCapacity);
    }

    [Fact]
    public async Task The_theme_comes_with_the_page_not_with_the_circuit()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (client, _) = await HttpSignIn.SignInAsync(factory, "gp.larsen", Ct);
        using (client)
        {
            // The pathway is interactive without prerendering: whatever is in this HTML was not rendered by a circuit.
            var html = await client.GetStringAsync($"/patients/{jensId}", Ct);

            var primary = CareTheme.Theme.PaletteLight.Primary;
            Assert.Contains($"--mud-palette-primary-rgb: {primary.R},{primary.G},{primary.B};", html, StringComparison.Ordinal);
        }
    }
}
