package io.orderflow.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code simulator.*}; README.md documents each property. */
@ConfigurationProperties("simulator")
public class SimulatorProperties {

    /** Multiplies every WeChat-side delay (callback retries, refund processing); 0.001 makes 15 s into 15 ms. */
    private double timeScale = 1.0;

    private String keyDirectory = System.getProperty("java.io.tmpdir") + "/wechatpay-simulator";

    private Duration refundDelay = Duration.ofSeconds(10);

    private String refundOutcome = "SUCCESS";

    private Duration callbackTimeout = Duration.ofSeconds(5);

    private String billDownloadBaseUrl = "https://api.mch.weixin.qq.com";

    private long faultSeed = 42;

    /** Demos only: serve a day's bill before WeChat would have generated it (today's included), never kept. */
    private boolean billsBeforeReady;

    private List<WechatPayKeyProperties> wechatPayKeys = new ArrayList<>();

    private List<MerchantProperties> merchants = new ArrayList<>();

    public double getTimeScale() {
        return timeScale;
    }

    public void setTimeScale(double timeScale) {
        this.timeScale = timeScale;
    }

    public String getKeyDirectory() {
        return keyDirectory;
    }

    public void setKeyDirectory(String keyDirectory) {
        this.keyDirectory = keyDirectory;
    }

    public Duration getRefundDelay() {
        return refundDelay;
    }

    public void setRefundDelay(Duration refundDelay) {
        this.refundDelay = refundDelay;
    }

    public String getRefundOutcome() {
        return refundOutcome;
    }

    public void setRefundOutcome(String refundOutcome) {
        this.refundOutcome = refundOutcome;
    }

    public Duration getCallbackTimeout() {
        return callbackTimeout;
    }

    public void setCallbackTimeout(Duration callbackTimeout) {
        this.callbackTimeout = callbackTimeout;
    }

    public String getBillDownloadBaseUrl() {
        return billDownloadBaseUrl;
    }

    public void setBillDownloadBaseUrl(String billDownloadBaseUrl) {
        this.billDownloadBaseUrl = billDownloadBaseUrl;
    }

    public long getFaultSeed() {
        return faultSeed;
    }

    public void setFaultSeed(long faultSeed) {
        this.faultSeed = faultSeed;
    }

    public boolean isBillsBeforeReady() {
        return billsBeforeReady;
    }

    public void setBillsBeforeReady(boolean billsBeforeReady) {
        this.billsBeforeReady = billsBeforeReady;
    }

    public List<WechatPayKeyProperties> getWechatPayKeys() {
        return wechatPayKeys;
    }

    public void setWechatPayKeys(List<WechatPayKeyProperties> wechatPayKeys) {
        this.wechatPayKeys = wechatPayKeys;
    }

    public List<MerchantProperties> getMerchants() {
        return merchants;
    }

    public void setMerchants(List<MerchantProperties> merchants) {
        this.merchants = merchants;
    }
}
