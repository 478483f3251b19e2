package io.orderflow.simulator.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the TCP connection without writing any response when a fault asked for it. Servlet code
 * cannot do this; a Tomcat valve reaches the connector below the servlet response.
 */
public class ConnectionDropValve extends ValveBase {

    private static final String DROP = ConnectionDropValve.class.getName() + ".drop";

    public ConnectionDropValve() {
        super(true);
    }

    static void requestDrop(ServletRequest request) {
        request.setAttribute(DROP, Boolean.TRUE);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(DROP) != null) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        }
    }
}
