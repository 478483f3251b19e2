package io.orderflow.platform.wechatpay;

/** A merchant's WeChat Pay settings are missing or malformed; start-up stops with this. */
public class WechatPayConfigurationException extends IllegalStateException {

    public WechatPayConfigurationException(String mchid, String setting, String problem) {
        super("WeChat Pay merchant " + (mchid == null ? "(no mchid)" : mchid) + ": orderflow.wechatpay.merchants[]."
                + setting + " " + problem);
    }

    public WechatPayConfigurationException(String mchid, String setting, String problem, Throwable cause) {
        this(mchid, setting, problem);
        initCause(cause);
    }
}
