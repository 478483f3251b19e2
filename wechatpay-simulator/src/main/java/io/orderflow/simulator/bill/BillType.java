package io.orderflow.simulator.bill;

import java.util.List;

/** The bill types the simulator renders, with WeChat's column headers. */
public enum BillType {
    ALL(
            "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
                    + "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
                    + "手续费,费率,订单金额,申请退款金额,费率备注",
            "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"),
    SUCCESS(
            "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
                    + "应结订单金额,代金券金额,商品名称,商户数据包,手续费,费率,订单金额,费率备注",
            "总交易单数,应结订单总金额,手续费总金额,订单总金额"),
    REFUND(
            "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
                    + "应结订单金额,代金券金额,退款申请时间,退款成功时间,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,"
                    + "退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注",
            "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额");

    private final String detailHeader;

    private final String summaryHeader;

    BillType(String detailHeader, String summaryHeader) {
        this.detailHeader = detailHeader;
        this.summaryHeader = summaryHeader;
    }

    public String detailHeader() {
        return detailHeader;
    }

    public String summaryHeader() {
        return summaryHeader;
    }

    boolean includesPayments() {
        return this != REFUND;
    }

    boolean includesRefunds() {
        return this != SUCCESS;
    }

    public static List<String> names() {
        return List.of(ALL.name(), SUCCESS.name(), REFUND.name());
    }
}
