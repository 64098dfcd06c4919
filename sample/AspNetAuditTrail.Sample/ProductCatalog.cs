using Microsoft.EntityFrameworkCore;

namespace AspNetAuditTrail.Sample;

/// <summary>The product catalogue over <see cref="ShopDbContext"/>: every save goes through change capture.</summary>
public sealed class ProductCatalog(ShopDbContext db)
{
    /// <summary>All products, by id.</summary>
    public IEnumerable<Product> All => db.Products.AsNoTracking().OrderBy(p => p.Id).ToList();

    /// <summary>The product with this id, or null.</summary>
    public Product? Find(int id) => db.Products.AsNoTracking().FirstOrDefault(p => p.Id == id);

    /// <summary>Adds a product and returns it with its new id.</summary>
    /// <exception cref="InvalidOperationException">A product with that code exists.</exception>
    public Product Add(string code, string name, decimal price)
    {
        if (db.Products.Any(p => p.Code.ToUpper() == code.ToUpper()))
        {
            throw new InvalidOperationException($"A product with the code '{code}' already exists.");
        }

        var product = new Product { Code = code, Name = name, Price = price };
        db.Products.Add(product);
        db.SaveChanges();
        return product;
    }

    /// <summary>Changes a product's name and price; null when there is none with that id.</summary>
    public Product? Update(int id, string name, decimal price)
    {
        if (db.Products.Find(id) is not { } product)
        {
            return null;
        }

        (product.Name, product.Price) = (name, price);
        db.SaveChanges();
        return product;
    }

    /// <summary>Removes a product; false when there was none.</summary>
    public bool Remove(int id)
    {
        if (db.Products.Find(id) is not { } product)
        {
            return false;
        }

        db.Products.Remove(product);
        db.SaveChanges();
        return true;
    }
}
