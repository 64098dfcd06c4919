using Microsoft.AspNetCore.Mvc;

namespace AspNetAuditTrail.Sample.Controllers;

/// <summary>
/// Orders, through an MVC controller: the audit filter records controller, action, arguments, validation
/// errors and result on each request's row.
/// </summary>
[ApiController]
[Route("api/orders")]
[Audit]
public sealed class OrdersController(OrderBook orders) : ControllerBase
{
    /// <summary>Lists the orders, optionally of one customer.</summary>
    [HttpGet]
    public IEnumerable<Order> List([FromQuery] string? customer) => orders.List(customer);

    /// <summary>One order; 404 when unknown.</summary>
    [HttpGet("{id:int}")]
    public ActionResult<Order> Get(int id) => orders.Find(id) is { } order ? order : NotFound();

    /// <summary>Places an order; 400 with the validation errors when the body is invalid.</summary>
    [HttpPost]
    public ActionResult<Order> Create(CreateOrderRequest request, [FromServices] IAuditContext audit, [FromServices] IAuditLog log)
    {
        var order = orders.Add(request.Customer!, request.ProductCode!, request.Quantity);
        audit.Set("orderId", order.Id);
        log.Event("order.place", $"Order {order.Id} placed").On("order", order.Id).Input(request).Output(new { code = 201, order.Id }).Succeeded();
        return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
    }

    /// <summary>
    /// An old URL outside <c>/api/</c>, kept for links that carry an access token: <c>[Audit]</c> audits it anyway,
    /// without its response body; the token is masked in the query string and in the arguments.
    /// </summary>
    [HttpGet("/legacy/orders/{id:int}")]
    [Audit(ResponseBody = AuditBodyMode.Skip)]
    public ActionResult<Order> GetLegacy(int id, [FromQuery] string? token) =>
        token is null ? Unauthorized() : orders.Find(id) is { } order ? order : NotFound();

    /// <summary>A liveness probe that stays out of the audit trail: <c>[SkipAudit]</c> wins over <c>[Audit]</c>.</summary>
    [HttpGet("health")]
    [SkipAudit]
    public IActionResult Health() => Ok(new { status = "healthy" });
}
