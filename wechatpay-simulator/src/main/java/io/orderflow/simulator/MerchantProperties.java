package io.orderflow.simulator;

import java.util.ArrayList;
import java.util.List;

/** A direct merchant: its ids, the key WeChat verifies its requests with, and its APIv3 key. */
public class MerchantProperties {

    private String mchid;

    private List<String> appids = new ArrayList<>();

    private String serialNo;

    private String publicKey;

    private String certificate;

    private String apiV3Key;

    /** PUBLIC_KEY_ID (default) or CERTIFICATE: which serial this merchant's notifications carry. */
    private String notificationSerial = "PUBLIC_KEY_ID";

    public String getNotificationSerial() {
        return notificationSerial;
    }

    public void setNotificationSerial(String notificationSerial) {
        this.notificationSerial = notificationSerial;
    }

    public String getMchid() {
        return mchid;
    }

    public void setMchid(String mchid) {
        this.mchid = mchid;
    }

    public List<String> getAppids() {
        return appids;
    }

    public void setAppids(List<String> appids) {
        this.appids = appids;
    }

    public String getSerialNo() {
        return serialNo;
    }

    public void setSerialNo(String serialNo) {
        this.serialNo = serialNo;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getCertificate() {
        return certificate;
    }

    public void setCertificate(String certificate) {
        this.certificate = certificate;
    }

    public String getApiV3Key() {
        return apiV3Key;
    }

    public void setApiV3Key(String apiV3Key) {
        this.apiV3Key = apiV3Key;
    }
}
