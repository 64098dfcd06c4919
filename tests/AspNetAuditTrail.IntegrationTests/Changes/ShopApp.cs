using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests.Changes;

/// <summary>An audited API keeping items with Entity Framework Core in its own database (SQLite or PostgreSQL), change capture on.</summary>
internal sealed class ShopApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ShopDatabase _shop;

    private ShopApp(WebApplication app, ShopDatabase shop) => (_app, _shop, Client) = (app, shop, app.GetTestClient());

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ShopApp> StartAsync(AuditDatabase database, ShopDatabase shop)
    {
        await shop.PrepareAsync();
        var app = await MinimalHost.StartAsync(database, Map, builder => builder.Services.AddDbContext<ShopContext>((services, options) =>
            shop.Use(options).AddAuditTrail(services, audit => audit.Exclude<Item>(i => i.SupplierCost))));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopContext>().Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        }

        return new ShopApp(app, shop);
    }

    /// <summary>Stops the app, so that everything it recorded is written.</summary>
    public async Task DrainAsync()
    {
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _shop.DisposeAsync();
    }

    private static void Map(WebApplication app)
    {
        app.UseRequestAudit();
        app.MapPost("/api/items", async (ItemInput input, ShopContext db) =>
        {
            var item = new Item { Name = input.Name, Price = input.Price, Password = input.Password, SupplierCost = "9.99", InternalNote = "do not log", Size = new Size { Width = 2, Height = 3 } };
            db.Items.Add(item);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                return Results.Conflict();
            }

            return Results.Ok(item.Id);
        });
        app.MapPut("/api/items/{id:int}", async (int id, ItemInput input, ShopContext db) =>
        {
            var item = await db.Items.SingleAsync(i => i.Id == id);
            (item.Price, item.Password, item.SupplierCost, item.InternalNote) = (input.Price, input.Password, "1.00", "changed");
            item.Origin.City = input.City;
            db.SaveChanges();
            return Results.NoContent();
        });
        app.MapPut("/api/items/{id:int}/width/{width:int}", async (int id, int width, ShopContext db) =>
        {
            (await db.Items.SingleAsync(i => i.Id == id)).Size.Width = width;
            await db.SaveChangesAsync();
            return Results.NoContent();
        });
        app.MapDelete("/api/items/{id:int}", async (int id, ShopContext db) =>
        {
            db.Items.Remove(await db.Items.SingleAsync(i => i.Id == id));
            await db.SaveChangesAsync();
            return Results.NoContent();
        });
        app.MapPost("/api/items/{id:int}/tags/{label}", async (int id, string label, ShopContext db) =>
        {
            var item = await db.Items.SingleAsync(i => i.Id == id);
            item.Tags.Add(new Tag { Label = label });
            db.Stock.Add(new StockLevel { Warehouse = "north", ItemId = id, Quantity = 5 });
            db.Notes.Add(new AuditNote { Text = "never recorded" });
            await db.SaveChangesAsync();
            return Results.NoContent();
        });
        app.MapPost("/api/items/{id:int}/rolled-back", async (int id, ShopContext db) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Items.SingleAsync(i => i.Id == id)).Price = 1234;
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return Results.NoContent();
        });
        app.MapPost("/api/items/{id:int}/committed", async (int id, ShopContext db) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Items.SingleAsync(i => i.Id == id)).Price = 77;
            await db.SaveChangesAsync();
            (await db.Items.SingleAsync(i => i.Id == id)).Name = "renamed";
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return Results.NoContent();
        });
        app.MapPost("/api/items/discount", async (ShopContext db) => Results.Ok(await db.Items.ExecuteUpdateAsync(s => s.SetProperty(i => i.Price, i => i.Price / 2))));
    }
}

/// <summary>What a client sends for an item.</summary>
public sealed record ItemInput(string Name, decimal Price, string? Password = null, string? City = null);
