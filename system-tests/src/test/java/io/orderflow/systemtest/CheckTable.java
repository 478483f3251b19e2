package io.orderflow.systemtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** The rows of a consistency check as it goes: how many items each check looked at and what differed. */
final class CheckTable {

    private final Map<String, ConsistencyCheck.Row> rows = new LinkedHashMap<>();

    /** Counts one item looked at by {@code check} when it {@code applies}; the row exists either way. */
    void count(String check, boolean applies) {
        ConsistencyCheck.Row row = row(check);
        if (applies) {
            row.checked()[0]++;
        }
    }

    void differ(String check, String difference) {
        row(check).differences().add(difference);
    }

    ConsistencyCheck.Report report() {
        return new ConsistencyCheck.Report(rows.values());
    }

    private ConsistencyCheck.Row row(String check) {
        return rows.computeIfAbsent(check, name -> new ConsistencyCheck.Row(name, new int[1], new ArrayList<>()));
    }
}
