package dev.edc.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** The foreign APIs this node answers, looked up by a request's path. */
final class ForeignApis {

    private final ObjectProvider<ForeignApi> apis;

    ForeignApis(ObjectProvider<ForeignApi> apis) {
        this.apis = apis;
    }

    /** The foreign API whose paths this request is on, if it is on one. */
    Optional<ForeignApi> of(HttpServletRequest request) {
        String path = request.getServletPath();
        return apis.orderedStream()
                .filter(api -> path.startsWith(api.pathPrefix()))
                .findFirst();
    }

    /** Whether the request submits executions, to EDC's own API or to a foreign one. */
    boolean submits(HttpServletRequest request) {
        return KeyCheck.isSubmission(request)
                || of(request).map(api -> api.submits(request)).orElse(false);
    }

    /** Whether the request needs a key when keys are on: a submission, or what a foreign API says needs one. */
    boolean needsKey(HttpServletRequest request) {
        return submits(request) || of(request).map(api -> api.needsKey(request)).orElse(false);
    }

    /** The headers the CORS configuration must let browsers send: the keys' headers of every foreign API. */
    List<String> keyHeaders() {
        return apis.orderedStream()
                .flatMap(api -> api.keyHeaders().stream())
                .distinct()
                .toList();
    }
}
