package io.orderflow.systemtest;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The load report's figures as one PNG of three panels: CPU per order by process against the
 * cryptography it contains, latency percentiles per stage, and orders per second over the run; in
 * the open loop a fourth, the p99 per second of the two stages the latency target is set on.
 */
final class LoadChart {

    private static final int WIDTH = 1300;
    private static final int PANEL = 520;

    private LoadChart() {}

    static void write(LoadReport report, Path png) throws IOException {
        List<JFreeChart> panels = new ArrayList<>(List.of(cpu(report), latency(report), timeline(report)));
        if (report.openLoop != null) {
            panels.add(LoadChartOpenLoop.latencyOverTime(report));
        }
        BufferedImage image = new BufferedImage(WIDTH, panels.size() * PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).draw(g, new Rectangle2D.Double(0, i * PANEL, WIDTH, PANEL));
        }
        g.dispose();
        try (OutputStream out = Files.newOutputStream(png)) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        }
    }

    private static JFreeChart cpu(LoadReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Double> crypto = r.cryptoMsByProcess();
        Map<String, Double> net = r.netCpuMsPerOrder();
        r.cpuMsPerOrder().forEach((process, ms) -> {
            data.addValue(ms, "CPU measured", process);
            data.addValue(net.get(process), "net of idle CPU", process);
            data.addValue(crypto.getOrDefault(process, 0.0), "of which cryptography (counted × timed)", process);
        });
        String server = "server side (4 services + broker + PostgreSQL)";
        data.addValue(r.serverCpuMsPerOrder(), "CPU measured", server);
        data.addValue(
                net.entrySet().stream()
                        .filter(e -> LoadReport.serverSide(e.getKey()))
                        .mapToDouble(Map.Entry::getValue)
                        .sum(),
                "net of idle CPU",
                server);
        data.addValue(r.servicesCryptoMsPerOrder(), "of which cryptography (counted × timed)", server);
        data.addValue(r.totalCpuMsPerOrder(), "CPU measured", "total");
        data.addValue(net.values().stream().mapToDouble(Double::doubleValue).sum(), "net of idle CPU", "total");
        data.addValue(r.cryptoMsPerOrder(), "of which cryptography (counted × timed)", "total");
        JFreeChart chart = ChartFactory.createBarChart(
                LoadReport.format(
                        "CPU ms per completed order (%.1f orders/s reached SUCCESS; server side %.1f ms = %.1f x its crypto;\n"
                                + "crypto floor %.2f ms/order = %.0f orders/s on %d cores)",
                        r.completedPerSecond(),
                        r.serverCpuMsPerOrder(),
                        r.serverCpuMsPerOrder() / r.servicesCryptoMsPerOrder(),
                        r.cryptoMsPerOrder(),
                        r.cores * 1e3 / r.cryptoMsPerOrder(),
                        r.cores),
                null,
                "CPU ms per order",
                data,
                PlotOrientation.HORIZONTAL,
                true,
                false,
                false);
        style(chart);
        return chart;
    }

    private static JFreeChart latency(LoadReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LoadReport.Stage stage : r.stages) {
            String name = stage.name().trim();
            data.addValue(Math.max(0.1, stage.p50()), "p50", name);
            data.addValue(Math.max(0.1, stage.p90()), "p90", name);
            data.addValue(Math.max(0.1, stage.p99()), "p99", name);
        }
        String mode = r.openLoop == null
                ? "closed loop"
                : LoadReport.format("open loop at %.1f/s, from when each create was due", r.settings.rate());
        JFreeChart chart = ChartFactory.createBarChart(
                "Latency per stage, ms (orders created in the window; " + mode + "; log scale)",
                null,
                "ms",
                data,
                PlotOrientation.HORIZONTAL,
                true,
                false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        LogAxis axis = logMs();
        plot.setRangeAxis(axis);
        if (r.openLoop != null) {
            LoadChartOpenLoop.showTarget(axis);
            plot.addRangeMarker(LoadChartOpenLoop.target());
        }
        style(chart);
        return chart;
    }

    private static JFreeChart timeline(LoadReport r) {
        XYSeries created = new XYSeries("orders created /s");
        XYSeries succeeded = new XYSeries("orders reaching SUCCESS /s");
        XYSeries backlog = new XYSeries("backlog (created, not SUCCESS)");
        for (LoadReport.Second second : r.seconds) {
            created.add(second.at(), second.created());
            succeeded.add(second.at(), second.succeeded());
            backlog.add(second.at(), second.backlog());
        }
        XYSeriesCollection rates = new XYSeriesCollection();
        rates.addSeries(created);
        rates.addSeries(succeeded);
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Orders per second over the run (shaded: measured window)",
                "seconds since the load started",
                "orders/s",
                rates,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(1, new NumberAxis("backlog"));
        plot.setDataset(1, new XYSeriesCollection(backlog));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer backlogLine = new XYLineAndShapeRenderer(true, false);
        backlogLine.setSeriesPaint(0, Color.GRAY);
        plot.setRenderer(1, backlogLine);
        plot.addDomainMarker(windowMarker(r));
        style(chart);
        return chart;
    }

    static LogAxis logMs() {
        LogAxis axis = new LogAxis("ms");
        axis.setSmallestValue(0.1);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        return axis;
    }

    /** The measured window, shaded on a time axis in seconds since the load started. */
    static IntervalMarker windowMarker(LoadReport r) {
        IntervalMarker measured = new IntervalMarker(r.windowStartSecond(), r.windowStartSecond() + r.window.seconds());
        measured.setPaint(new Color(200, 220, 255));
        measured.setAlpha(0.5f);
        return measured;
    }

    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font("DejaVu Sans", Font.BOLD, 15));
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
            if (plot.getRenderer() instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setDefaultItemLabelGenerator(
                        new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0.#")));
                bars.setDefaultItemLabelsVisible(true);
                bars.setDefaultItemLabelFont(new Font("DejaVu Sans", Font.PLAIN, 10));
            }
        } else if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        }
    }
}
