package io.orderflow.simulator.api;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.catalina.valves.ValveBase;

/**
 * Writes two /v3 headers as WeChat spells them, which the servlet API cannot: {@code Content-Type:
 * application/json; charset=utf-8} (Tomcat would write {@code ;charset=} without the space) on JSON answers and on a
 * 204, and the {@code Content-Length: 0} a captured close answer carries (Tomcat drops the length of every 204).
 * Both go among the raw headers, which Tomcat writes as they stand, while the buffered answer is not yet committed.
 */
public class WechatHeaderValve extends ValveBase {

    public WechatHeaderValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (response.isCommitted() || !request.getRequestURI().startsWith("/v3/")) {
            return;
        }
        String type = response.getContentType();
        boolean noContent = response.getStatus() == 204;
        if (noContent || type != null && type.startsWith("application/json")) {
            org.apache.coyote.Response coyote = response.getCoyoteResponse();
            coyote.setContentTypeNoCharset(null);
            MimeHeaders headers = coyote.getMimeHeaders();
            headers.setValue("Content-Type").setString(ErrorWriter.JSON);
            if (noContent) {
                headers.setValue("Content-Length").setString("0");
            }
        }
    }
}
