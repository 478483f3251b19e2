package io.orderflow.simulator.api;

import jakarta.servlet.ServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;

/**
 * Closes the TCP connection without writing any response, for the CONNECTION_RESET and RESPONSE_LOST faults.
 * Servlet code cannot do this, and failing Jetty's response would still answer 500; closing the connection's end
 * point below the servlet request sends nothing.
 */
final class ConnectionDrop {

    private ConnectionDrop() {}

    static void drop(ServletRequest request) {
        ServletContextRequest.getServletContextRequest(request)
                .getConnectionMetaData()
                .getConnection()
                .getEndPoint()
                .close();
    }
}
