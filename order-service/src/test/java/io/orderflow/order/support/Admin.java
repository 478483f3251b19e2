package io.orderflow.order.support;

/** The administrator's calls, with the test admin token. */
public final class Admin {

    private final ShopClient http;

    public Admin(int port) {
        this.http = new ShopClient(port, null);
    }

    public ShopClient.Answer get(String path) {
        return http.raw("GET", path, "", "Bearer " + OrderServiceTest.ADMIN_TOKEN);
    }

    public ShopClient.Answer post(String path, String json) {
        return http.raw("POST", path, json, "Bearer " + OrderServiceTest.ADMIN_TOKEN);
    }

    public ShopClient.Answer put(String path, String json) {
        return http.raw("PUT", path, json, "Bearer " + OrderServiceTest.ADMIN_TOKEN);
    }

    /** Sets the shop's limit overrides; fails the test unless the admin API accepts them. */
    public void limits(String shopId, String json) {
        ShopClient.Answer answer = put("/admin/v1/shops/" + shopId + "/limits", json);
        if (answer.status() != 200) {
            throw new IllegalStateException("limits not set: " + answer.status() + " " + answer.json());
        }
    }
}
