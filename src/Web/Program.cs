using CareWorkspace.Infrastructure;
using CareWorkspace.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddWeb();

var app = builder.Build();
app.UseWeb();
app.Run();

/// <summary>Entry point; public so that WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
