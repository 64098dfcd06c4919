using AspNetAuditTrail.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AspNetAuditTrail.IntegrationTests.Changes;

/// <summary>An application's own database, kept with Entity Framework Core: what change capture watches.</summary>
public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Item> Items => Set<Item>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<StockLevel> Stock => Set<StockLevel>();

    public DbSet<AuditNote> Notes => Set<AuditNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Item>(item =>
        {
            item.ToTable("items");
            item.HasIndex(i => i.Name).IsUnique();
            item.OwnsOne(i => i.Size);
            item.ComplexProperty(i => i.Origin);
            item.HasMany(i => i.Tags).WithMany(t => t.Items).UsingEntity("ItemTag");
            item.Property(i => i.Price).HasPrecision(10, 2);
        });
        modelBuilder.Entity<Tag>().ToTable("tags");
        modelBuilder.Entity<StockLevel>(stock =>
        {
            stock.ToTable("stock_levels");
            stock.HasKey(s => new { s.Warehouse, s.ItemId });
        });
        modelBuilder.Entity<AuditNote>().ToTable("notes");
    }
}

public sealed class Item
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public decimal Price { get; set; }

    /// <summary>A secret the audit trail masks by its name.</summary>
    public string? Password { get; set; }

    /// <summary>Kept out of change rows by the options.</summary>
    public string? SupplierCost { get; set; }

    /// <summary>Kept out of change rows by the attribute.</summary>
    [NotAudited]
    public string? InternalNote { get; set; }

    public Size Size { get; set; } = new();

    public Origin Origin { get; set; } = new();

    public List<Tag> Tags { get; set; } = [];
}

/// <summary>An owned type: its values are its item's.</summary>
public sealed class Size
{
    public int Width { get; set; }

    public int Height { get; set; }
}

/// <summary>A complex property: its values are its item's too.</summary>
public sealed class Origin
{
    public string Country { get; set; } = "BR";

    public string? City { get; set; }
}

public sealed class Tag
{
    public int Id { get; set; }

    public required string Label { get; set; }

    public List<Item> Items { get; set; } = [];
}

/// <summary>A composite key.</summary>
public sealed class StockLevel
{
    public required string Warehouse { get; set; }

    public int ItemId { get; set; }

    public int Quantity { get; set; }
}

/// <summary>An entity type kept out whole by the attribute.</summary>
[NotAudited]
public sealed class AuditNote
{
    public int Id { get; set; }

    public string? Text { get; set; }
}
