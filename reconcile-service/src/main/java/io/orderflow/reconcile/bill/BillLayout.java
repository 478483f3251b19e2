package io.orderflow.reconcile.bill;

import java.util.List;

/**
 * The trade bill types orderflow reads, told apart by their detail header (WeChat Pay's trade bill download); their summary
 * lines are read by header too, since a SUCCESS bill's summary has four columns in the documentation and seven in
 * real bills.
 */
enum BillLayout {
    ALL(27),
    SUCCESS(20),
    REFUND(29);

    private final int detailColumns;

    BillLayout(int detailColumns) {
        this.detailColumns = detailColumns;
    }

    /** ALL and REFUND differ by the refund times only REFUND carries. */
    static BillLayout of(List<String> header) {
        for (BillLayout layout : values()) {
            if (header.size() == layout.detailColumns
                    && header.contains("交易时间")
                    && header.contains("商户订单号")
                    && (layout != REFUND || header.contains("退款申请时间"))) {
                return layout;
            }
        }
        throw new MalformedBill("not a trade bill header of ALL, SUCCESS or REFUND: " + header.size() + " columns");
    }
}
