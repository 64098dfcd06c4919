using System.Net;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Load on the sample API: distinct audited requests (each with its own query string), eight at a time.</summary>
internal static class SampleLoad
{
    /// <summary>Sends <c>GET /api/products?n={i}</c> for i from <paramref name="from"/>; returns how many did not answer 200.</summary>
    public static async Task<int> SendAsync(HttpClient client, int from, int count)
    {
        var failed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken };
        await Parallel.ForAsync(from, from + count, options, async (i, token) =>
        {
            using var response = await client.GetAsync($"/api/products?n={i}", token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref failed);
            }
        });
        return failed;
    }
}
