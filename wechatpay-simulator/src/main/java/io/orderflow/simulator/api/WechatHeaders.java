package io.orderflow.simulator.api;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpStream;

/**
 * Writes two /v3 headers as WeChat spells them, which the servlet API cannot: {@code Content-Type:
 * application/json; charset=utf-8} (Jetty would write {@code ;charset=} without the space) on JSON answers and on a
 * 204, and the {@code Content-Length: 0} a captured close answer carries (Jetty leaves the length out of every 204).
 * Both are put among the answer's header fields at the last moment, when Jetty hands them to the connection, which
 * writes them as they stand; the length as a field Jetty does not know by name, since it drops a known one from a
 * 204.
 */
final class WechatHeaders {

    private static final HttpField CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, ErrorWriter.JSON);

    private static final HttpField NO_CONTENT_LENGTH = new HttpField((HttpHeader) null, "Content-Length", "0");

    private WechatHeaders() {}

    /** Call before the answer is committed; {@code noContent} for a 204. */
    static void write(HttpServletRequest request, boolean noContent) {
        ServletContextRequest.getServletContextRequest(request)
                .addHttpStreamWrapper(stream -> new HttpStream.Wrapper(stream) {
                    @Override
                    public void prepareResponse(HttpFields.Mutable headers) {
                        super.prepareResponse(headers);
                        headers.put(CONTENT_TYPE);
                        if (noContent) {
                            headers.put(NO_CONTENT_LENGTH);
                        }
                    }
                });
    }
}
