// The checkout page: asks its own server to create the order (the server signs the shop API call; this page
// never sees the shop's secret), opens WeChat Pay with the returned params, then shows the order's status as
// the shop's server learns it from orderflow's webhooks.
(function () {
  var orderId = null;
  var poller = null;
  var $ = function (id) { return document.getElementById(id); };

  function json(method, url) {
    return fetch(url, { method: method, headers: { 'Content-Type': 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      });
  }

  var notes = {
    SUCCESS: 'Paid: WeChat Pay confirmed the payment',
    CLOSED: 'Not paid in time: the order expired and was closed at WeChat Pay',
    FAILED: 'WeChat Pay refused the order',
    REFUND: 'Refunded (WeChat Pay processes the refund)'
  };
  var shown = null;

  function show(status) {
    if (!status) { return; }
    if (status !== shown && notes[status]) { $('message').textContent = notes[status]; }
    shown = status;
    var badge = $('status');
    badge.textContent = status;
    badge.className = 'status ' + status;
    $('refund').hidden = status !== 'SUCCESS';
    var done = status === 'CLOSED' || status === 'FAILED' || status === 'REFUND';
    $('buy').disabled = !(done || status === 'SUCCESS');
  }

  // the badge shows what the shop's server marked the order as from the webhooks orderflow POSTed to it
  // (signature checked there), not what the page or the pay sheet said
  function poll() {
    json('GET', '/shop/api/orders/' + orderId).then(function (answer) {
      var book = answer.ok ? answer.body.book : null;
      if (book) {
        show(book.status);
        $('book').textContent = 'marked ' + book.status + ' by webhook (version ' + book.version + ', '
          + book.deliveries + (book.deliveries === 1 ? ' delivery' : ' deliveries') + ')';
      }
    });
  }

  function pay(params) {
    WeixinJSBridge.invoke('getBrandWCPayRequest', params, function (res) {
      if (res.err_msg === 'get_brand_wcpay_request:ok') {
        $('message').textContent = 'Paid - waiting for WeChat Pay to confirm';
      } else if (res.err_msg === 'get_brand_wcpay_request:cancel') {
        $('message').textContent = 'Payment cancelled - the order stays open until it expires';
      } else {
        $('message').textContent = 'Payment failed: ' + (res.err_desc || res.err_msg);
      }
    });
  }

  $('buy').onclick = function () {
    $('buy').disabled = true;
    $('message').textContent = 'Creating the order…';
    json('POST', '/shop/api/orders').then(function (answer) {
      if (!answer.ok || !answer.body.pay_params || !answer.body.pay_params.paySign) {
        $('message').textContent = 'Order not created: ' + (answer.body.message || answer.body.code || 'no pay params');
        $('buy').disabled = false;
        return;
      }
      orderId = answer.body.order_id;
      shown = null;
      $('order').hidden = false;
      $('order-id').textContent = orderId;
      $('timeline-link').href = 'timeline.html?order=' + encodeURIComponent(orderId);
      $('message').textContent = '';
      $('book').textContent = '';
      show(answer.body.status);
      if (poller) { clearInterval(poller); }
      poller = setInterval(poll, 1000);
      pay(answer.body.pay_params);
    }, function () {
      $('message').textContent = 'The shop server is unreachable';
      $('buy').disabled = false;
    });
  };

  $('refund').onclick = function () {
    $('refund').disabled = true;
    json('POST', '/shop/api/orders/' + orderId + '/refund').then(function (answer) {
      $('refund').disabled = false;
      $('message').textContent = answer.ok ? 'Refund requested' : 'Refund refused: ' + answer.body.message;
    });
  };
})();
