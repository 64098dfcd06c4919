using System.Collections.Concurrent;

namespace AspNetAuditTrail.Sample;

/// <summary>The demo's in-memory orders.</summary>
public sealed class OrderBook
{
    private readonly ConcurrentDictionary<int, Order> _orders = new();
    private int _lastId;

    /// <summary>Starts with one order.</summary>
    public OrderBook() => Add("ana", "KB-01", 1);

    /// <summary>The orders, optionally of one customer.</summary>
    public IEnumerable<Order> List(string? customer) =>
        _orders.Values.Where(o => customer is null || o.Customer == customer).OrderBy(o => o.Id);

    /// <summary>The order with this id, or null.</summary>
    public Order? Find(int id) => _orders.GetValueOrDefault(id);

    /// <summary>Adds an order and returns it with its new id.</summary>
    public Order Add(string customer, string productCode, int quantity)
    {
        var order = new Order(Interlocked.Increment(ref _lastId), customer, productCode, quantity);
        _orders[order.Id] = order;
        return order;
    }
}
