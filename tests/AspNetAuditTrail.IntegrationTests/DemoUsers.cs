using System.Net.Http.Json;
using System.Text.Json;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Signs the sample's demo users in (alice: admin and audit-admin; bob: no role).</summary>
internal static class DemoUsers
{
    /// <summary>A bearer token for the user, whose password is its name followed by <c>-password</c>.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string user)
    {
        var response = await client.PostAsJsonAsync("/api/token", new { username = user, password = user + "-password" }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("access_token").GetString()!;
    }
}
