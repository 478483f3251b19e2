/*
 * WeixinJSBridge stand-in for browsers outside WeChat. invoke('getBrandWCPayRequest', params, cb)
 * checks paySign against the merchant key of params.appId (server side, the shim holds no keys),
 * shows a pay sheet with Pay and Cancel, pays through the control API and answers as WeChat does:
 * get_brand_wcpay_request:ok, :cancel or :fail. The answer is not authoritative, as in WeChat.
 */
(function () {
  var script = document.currentScript;
  var base = script ? new URL(script.src).origin : window.location.origin;

  function post(path, body) {
    return fetch(base + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, body: json }; });
    });
  }

  function showSheet(prepayId, onPay, onCancel) {
    var sheet = document.createElement('div');
    sheet.id = 'wx-pay-sheet';
    sheet.setAttribute('style', 'position:fixed;left:0;right:0;bottom:0;padding:16px;background:#fff;'
      + 'border-top:1px solid #ccc;font-family:sans-serif;z-index:2147483647');
    var title = document.createElement('p');
    title.textContent = 'WeChat Pay (simulator) - ' + prepayId;
    var pay = document.createElement('button');
    pay.id = 'wx-pay-confirm';
    pay.textContent = 'Pay';
    var cancel = document.createElement('button');
    cancel.id = 'wx-pay-cancel';
    cancel.textContent = 'Cancel';
    sheet.appendChild(title);
    sheet.appendChild(pay);
    sheet.appendChild(cancel);
    document.body.appendChild(sheet);
    pay.onclick = function () { sheet.remove(); onPay(); };
    cancel.onclick = function () { sheet.remove(); onCancel(); };
  }

  function answer(callback, result, desc) {
    var res = { err_msg: 'get_brand_wcpay_request:' + result };
    if (desc) { res.err_desc = desc; }
    callback(res);
  }

  function getBrandWCPayRequest(params, callback) {
    post('/sim/v1/jsapi/verify', params || {}).then(function (verified) {
      if (!verified.ok || !verified.body.valid) {
        answer(callback, 'fail', 'paySign check failed');
        return;
      }
      showSheet(verified.body.prepay_id, function () {
        post('/sim/v1/payments', { prepay_id: verified.body.prepay_id }).then(function (paid) {
          answer(callback, paid.ok ? 'ok' : 'fail', paid.ok ? null : paid.body.message);
        }, function () { answer(callback, 'fail', 'network error'); });
      }, function () { answer(callback, 'cancel'); });
    }, function () { answer(callback, 'fail', 'network error'); });
  }

  window.WeixinJSBridge = {
    invoke: function (api, params, callback) {
      callback = callback || function () {};
      if (api === 'getBrandWCPayRequest') {
        getBrandWCPayRequest(params, callback);
      } else {
        callback({ err_msg: api + ':fail' });
      }
    },
    on: function () {},
    call: function () {}
  };
  document.dispatchEvent(new Event('WeixinJSBridgeReady'));
})();
