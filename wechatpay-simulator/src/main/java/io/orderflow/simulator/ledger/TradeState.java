package io.orderflow.simulator.ledger;

/** The JSAPI subset of {@code trade_state} with WeChat's descriptions. */
public enum TradeState {
    NOTPAY("订单未支付"),
    SUCCESS("支付成功"),
    REFUND("转入退款"),
    CLOSED("订单已关闭");

    private final String description;

    TradeState(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
