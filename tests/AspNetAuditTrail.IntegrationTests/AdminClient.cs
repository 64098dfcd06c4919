using System.Net.Http.Headers;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Calls to the admin endpoints as the holder of a bearer token (or of none).</summary>
internal static class AdminClient
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>GET with the token, whatever the answer.</summary>
    public static async Task<HttpResponseMessage> GetAsAsync(this HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, Token);
    }

    /// <summary>A successful GET's body as text.</summary>
    public static async Task<string> GetTextAsAsync(this HttpClient client, string path, string token) =>
        await (await client.GetAsAsync(path, token)).EnsureSuccessStatusCode().Content.ReadAsStringAsync(Token);

    /// <summary>A PDF report's pages as text, in reading order.</summary>
    public static async Task<string[]> PdfPagesAsync(this HttpClient client, string path, string token)
    {
        var response = (await client.GetAsAsync(path, token)).EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Token));
        return pdf.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)).ToArray();
    }
}
