package io.orderflow.simulator;

/** One WeChat Pay signing key; several are valid at once during a rotation. */
public class WechatPayKeyProperties {

    private String privateKey;

    private String publicKeyId;

    private String certificate;

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getPublicKeyId() {
        return publicKeyId;
    }

    public void setPublicKeyId(String publicKeyId) {
        this.publicKeyId = publicKeyId;
    }

    public String getCertificate() {
        return certificate;
    }

    public void setCertificate(String certificate) {
        this.certificate = certificate;
    }
}
