using System.Collections.Concurrent;

namespace AspNetAuditTrail.Sample;

/// <summary>An in-memory product catalogue (the demo's business data; the audit trail has its own database).</summary>
public sealed class ProductCatalog
{
    private readonly ConcurrentDictionary<int, Product> _products = new();
    private int _lastId;

    /// <summary>Starts with two products.</summary>
    public ProductCatalog()
    {
        Add("KB-01", "Keyboard", 49.90m);
        Add("MS-01", "Mouse", 19.90m);
    }

    /// <summary>All products, by id.</summary>
    public IEnumerable<Product> All => _products.Values.OrderBy(p => p.Id);

    /// <summary>The product with this id, or null.</summary>
    public Product? Find(int id) => _products.GetValueOrDefault(id);

    /// <summary>Adds a product and returns it with its new id.</summary>
    /// <exception cref="InvalidOperationException">A product with that code exists.</exception>
    public Product Add(string code, string name, decimal price)
    {
        lock (_products)
        {
            if (_products.Values.Any(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"A product with the code '{code}' already exists.");
            }

            var product = new Product(Interlocked.Increment(ref _lastId), code, name, price);
            _products[product.Id] = product;
            return product;
        }
    }

    /// <summary>Removes a product; false when there was none.</summary>
    public bool Remove(int id) => _products.TryRemove(id, out _);
}
