using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>An app with no error handling inside the audit middleware: the exception passes through it.</summary>
public abstract class ExceptionCaptureTests(AuditDatabase database) : DatabaseTest(database)
{
    private static void MapFailingEndpoint(WebApplication app) =>
        app.MapGet("/api/orders/{id}", (HttpContext context, string id) =>
        {
            context.GetAuditContext().Set("orderId", id);
            context.GetAuditContext().UserId = "clerk-7";
            return ThrowDeep(id);
        });

    private static IResult ThrowDeep(string id) => throw new KeyNotFoundException($"Order {id} vanished.");

    [Fact]
    public async Task AnUnhandledExceptionIsRecordedAs500WithWhatTheHandlerHadSet()
    {
        var outerSawException = false;
        await using var app = await MinimalHost.StartAsync(Database, app =>
        {
            app.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                catch (KeyNotFoundException)
                {
                    // The app's own error handling, outside the audit middleware, still gets the exception.
                    outerSawException = true;
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                }
            });
            app.UseRequestAudit();
            MapFailingEndpoint(app);
        });

        var response = await app.GetTestClient().GetAsync("/api/orders/A-1", Token);
        await app.StopAsync(Token);
        var row = Assert.Single(Database.RequestRows());

        Assert.True(outerSawException);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(500L, row["status_code"]);
        Assert.Equal("System.Collections.Generic.KeyNotFoundException", row["error_type"]);
        Assert.Equal("Order A-1 vanished.", row["error_message"]);
        Assert.Contains(nameof(ThrowDeep), (string)row["error_stacktrace"]!);
        Assert.Equal("""{"orderId":"A-1"}""", row["extra_information"]);
        Assert.Equal("clerk-7", row["user_id"]);
    }

    [Fact]
    public async Task AnExceptionHandledInsideTheMiddlewareIsRecordedFromTheHandlerFeature()
    {
        await using var app = await MinimalHost.StartAsync(Database, app =>
        {
            app.UseRequestAudit();
            app.UseExceptionHandler(error => error.Run(context =>
            {
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync("sorry");
            }));
            MapFailingEndpoint(app);
        });

        var response = await app.GetTestClient().GetAsync("/api/orders/B-2", Token);
        await app.StopAsync(Token);
        var row = Assert.Single(Database.RequestRows());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(500L, row["status_code"]);
        Assert.Equal("System.Collections.Generic.KeyNotFoundException", row["error_type"]);
        Assert.Equal("sorry", row["response_body"]);
    }
}
