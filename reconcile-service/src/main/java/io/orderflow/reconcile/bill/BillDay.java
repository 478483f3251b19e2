package io.orderflow.reconcile.bill;

import java.util.List;

/** A merchant's day as last reconciled: the latest run and the discrepancies it found. */
public record BillDay(BillRun run, List<Discrepancy> discrepancies) {}
