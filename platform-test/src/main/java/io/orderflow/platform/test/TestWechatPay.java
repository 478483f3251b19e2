package io.orderflow.platform.test;

import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.SimulatorSettings;
import io.orderflow.simulator.WechatPaySimulator;
import java.util.List;

/**
 * The WeChat Pay simulator as tests meet it: it knows {@link TestMerchant} (its API key, APIv3 key and appid)
 * and signs with the test WeChat Pay key, so the official SDK talks to it with every signature check on.
 */
public final class TestWechatPay {

    private TestWechatPay() {}

    /** Settings for the test merchant at real time; callers add a time scale, faults or properties. */
    public static SimulatorSettings settings() {
        return SimulatorSettings.defaults()
                .merchant(
                        TestMerchant.MCHID,
                        List.of(TestMerchant.APPID),
                        TestMerchant.MERCHANT_SERIAL,
                        TestMerchant.merchantPublicKey().toString(),
                        TestMerchant.API_V3_KEY)
                .wechatPayKey(
                        TestMerchant.wechatPayPrivateKey().toString(),
                        TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID,
                        TestMerchant.wechatPayCertificate().toString());
    }

    /** A simulator whose WeChat-side delays (payment, refund processing) run a thousand times faster. */
    public static RunningSimulator startFast() {
        return WechatPaySimulator.start(settings().timeScale(0.001));
    }
}
