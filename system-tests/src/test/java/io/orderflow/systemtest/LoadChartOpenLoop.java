package io.orderflow.systemtest;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The open loop's panel of the load chart: the target stages' p99, second by second, against the target. */
final class LoadChartOpenLoop {

    private LoadChartOpenLoop() {}

    /** p99 per second (by when the creates were due) of create → pay params and paid → SUCCESS, window shaded. */
    static JFreeChart latencyOverTime(LoadReport r) {
        XYSeries create = new XYSeries("create → pay params (or its 10 s wait running out), p99");
        XYSeries paid = new XYSeries("paid → SUCCESS, p99");
        for (LoadLatency.Second second : r.latencyBySecond) {
            if (!Double.isNaN(second.createP99())) {
                create.add(second.at(), Math.max(0.1, second.createP99()));
            }
            if (!Double.isNaN(second.paidToSuccessP99())) {
                paid.add(second.at(), Math.max(0.1, second.paidToSuccessP99()));
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(create);
        data.addSeries(paid);
        JFreeChart chart = ChartFactory.createXYLineChart(
                LoadReport.format(
                        "Open loop at %.1f/s: p99 per second by when the creates were due (log scale; red: target %.0f ms; shaded: window)",
                        r.settings.rate(), LoadOpenLoop.TARGET_MS),
                "seconds since the load started",
                "ms",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        LogAxis axis = LoadChart.logMs();
        plot.setRangeAxis(axis);
        showTarget(axis);
        plot.addDomainMarker(LoadChart.windowMarker(r), Layer.BACKGROUND);
        plot.addRangeMarker(target());
        LoadChart.style(chart);
        return chart;
    }

    /** Widens an auto-ranged millisecond axis (set on its plot) so that the target line is on it. */
    static void showTarget(LogAxis axis) {
        double lower = axis.getLowerBound();
        double upper = axis.getUpperBound();
        axis.setRange(Math.min(lower, LoadOpenLoop.TARGET_MS / 2), Math.max(upper, LoadOpenLoop.TARGET_MS * 2));
    }

    /** The latency target as a red line on a millisecond axis. */
    static ValueMarker target() {
        ValueMarker target = new ValueMarker(LoadOpenLoop.TARGET_MS);
        target.setPaint(Color.RED);
        target.setStroke(new BasicStroke(2f));
        return target;
    }
}
