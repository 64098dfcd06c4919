using Microsoft.EntityFrameworkCore;

namespace AspNetAuditTrail.Sample;

/// <summary>The sample's business data (<c>ConnectionStrings:Shop</c>, by default <c>shop.db</c>), apart from the audit database.</summary>
public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("products");
            product.HasIndex(p => p.Code).IsUnique();
            // The two products the catalogue starts with, written when the database is created (not saves: no change rows).
            product.HasData(
                new Product { Id = 1, Code = "KB-01", Name = "Keyboard", Price = 49.90m },
                new Product { Id = 2, Code = "MS-01", Name = "Mouse", Price = 19.90m });
        });
}
