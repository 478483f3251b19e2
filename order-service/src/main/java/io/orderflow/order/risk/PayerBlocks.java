package io.orderflow.order.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payer_block} table: blocked openids per shop, or for every shop under scope {@value #GLOBAL}. */
@Repository
class PayerBlocks {

    static final String GLOBAL = "*";

    private final JdbcClient jdbc;

    PayerBlocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the block; false when it was already there. */
    boolean add(String scope, String openid, String reason, Instant now) {
        return jdbc.sql("insert into payer_block (scope, openid, reason, created_at) values (?, ?, ?, ?) "
                                + "on conflict (scope, openid) do nothing")
                        .params(scope, openid, reason, Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean remove(String scope, String openid) {
        return jdbc.sql("delete from payer_block where scope = ? and openid = ?")
                        .params(scope, openid)
                        .update()
                == 1;
    }

    List<PayerBlock> list(String scope) {
        return jdbc.sql(
                        "select openid, reason, created_at from payer_block where scope = ? order by created_at, openid")
                .param(scope)
                .query((rs, n) -> new PayerBlock(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
