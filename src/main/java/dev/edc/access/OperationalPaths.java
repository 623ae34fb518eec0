package dev.edc.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * What an operator looks at, as opposed to what a client of the API uses: the workers, the queue,
 * the listing of recent executions ({@code GET /executions} without {@code uuids}, which reads
 * executions by uuid within their owner's namespace), the admin page's data, and every actuator
 * endpoint but the health probes (which load balancers and Kubernetes call without a key).
 * The admin page itself ({@code /admin}, static) holds no data: a browser cannot put a header on
 * a page it navigates to, so the page asks for the key and sends it with each of its requests.
 */
final class OperationalPaths {

    private static final Set<String> EXACT = Set.of("/workers", "/queue", "/admin/overview");

    private OperationalPaths() {}

    static boolean matches(HttpServletRequest request) {
        return matches(path(request), request.getParameter("uuids") != null);
    }

    static boolean matches(String path, boolean namesUuids) {
        if (EXACT.contains(path)) {
            return true;
        }
        if (path.equals("/executions")) {
            return !namesUuids;
        }
        return (path.equals("/actuator") || path.startsWith("/actuator/"))
                && !(path.equals("/actuator/health") || path.startsWith("/actuator/health/"));
    }

    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }
}
