using System.Net;
using System.Text.RegularExpressions;
using CareWorkspace.Infrastructure.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>Signs in over HTTP through the log-in form, as a browser without JavaScript would.</summary>
public static partial class HttpSignIn
{
    public const string CookieName = "careworkspace";

    /// <summary>A client (keeping cookies, not following redirects) that is signed in as <paramref name="userName"/>, and its auth cookie.</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignInAsync(CareAppFactory factory, string userName, CancellationToken ct)
    {
        var client = NewClient(factory);
        var response = await PostLoginAsync(client, userName, DemoAccounts.Password, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        var cookie = response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0])
            .Single();
        return (client, cookie);
    }

    public static HttpClient NewClient(CareAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Loads the form (for its antiforgery cookie and hidden fields) and posts it as the browser would.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, CancellationToken ct)
    {
        var page = await client.GetStringAsync("/account/login", ct);
        var fields = HiddenFields(page);
        Assert.Equal("login", fields.GetValueOrDefault("_handler"));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync("/account/login", form, ct);
    }

    public static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (!string.Equals(Attribute(tag, "type"), "hidden", StringComparison.OrdinalIgnoreCase))
                continue;
            if (Attribute(tag, "name") is { } name)
                fields[name] = Attribute(tag, "value") ?? "";
        }
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\s{name}\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)')", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();
}
