// Every state change of an order as the demo shop read it from orderflow.order.status: the transition, the
// event that announced it (ce_type, ce_id, ce_time) and the event that caused it, when the shop has seen it.
// Without ?order=ID it lists the orders the shop knows.
(function () {
  var orderId = new URLSearchParams(window.location.search).get('order');
  var $ = function (id) { return document.getElementById(id); };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text != null) { node.textContent = text; }
    return node;
  }

  function cause(step) {
    if (!step.change.causationId) { return 'caused by the shop\'s request'; }
    if (!step.cause) { return 'caused by event ' + step.change.causationId; }
    return 'caused by ' + step.cause.ceType + (step.cause.source ? ' (' + step.cause.source + ')' : '')
      + ' at ' + step.cause.ceTime + ', ce_id ' + step.change.causationId;
  }

  function renderOrder(order) {
    $('title').textContent = 'Order ' + order.orderId;
    $('summary').textContent = order.shopOrderNo ? 'shop order ' + order.shopOrderNo + ', now ' + order.status
      + ', refunded ' + order.refundedFen + ' of ' + order.totalFen + ' fen' : 'no events seen yet';
    $('book').textContent = order.book ? 'The shop\'s server marked it ' + order.book.status + ' from webhook version '
      + order.book.version + ' (ce_id ' + order.book.ceId + ', attempt ' + order.book.attempt + ', '
      + order.book.deliveries + ' deliveries received)' : 'No webhook received yet';
    $('rows').replaceChildren.apply($('rows'), order.steps.map(function (step) {
      var item = element('li', 'step');
      var head = element('div', 'step-head');
      head.appendChild(element('span', 'version', '#' + step.change.version));
      head.appendChild(element('span', 'transition', (step.change.from || '—') + ' → ' + step.change.to));
      head.appendChild(element('span', 'reason', step.change.reason));
      item.appendChild(head);
      item.appendChild(element('div', 'when', step.change.ceTime || step.change.occurredAt));
      item.appendChild(element('div', 'event', step.change.ceType + ', ce_id ' + step.change.ceId));
      item.appendChild(element('div', 'cause', cause(step)));
      return item;
    }));
  }

  function renderList(orders) {
    $('summary').textContent = orders.length + ' orders, newest first';
    $('rows').replaceChildren.apply($('rows'), orders.map(function (order) {
      var item = element('li', 'step');
      var link = element('a', 'transition', order.orderId);
      link.href = 'timeline.html?order=' + encodeURIComponent(order.orderId);
      item.appendChild(link);
      item.appendChild(element('div', 'event', (order.shopOrderNo || '') + ' · ' + (order.status || '…')
        + ' · ' + order.steps.length + ' changes'));
      return item;
    }));
  }

  function refresh() {
    fetch(orderId ? '/shop/api/orders/' + encodeURIComponent(orderId) : '/shop/api/orders')
      .then(function (response) { return response.json(); })
      .then(function (body) { if (orderId) { renderOrder(body); } else { renderList(body); } });
  }

  refresh();
  setInterval(refresh, 2000);
})();
