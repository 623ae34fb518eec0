package dev.edc.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses request bodies above {@code edc.access.max-request-size} before they are read. */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimit(AccessProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || chunked) {
            Problems.write(
                    response,
                    chunked ? HttpStatus.LENGTH_REQUIRED : HttpStatus.CONTENT_TOO_LARGE,
                    chunked ? "Length required" : "Request too large",
                    chunked
                            ? "Send the request with a Content-Length header."
                            : "The request is " + length + " bytes but this server accepts at most " + maxBytes
                                    + " bytes.");
            return;
        }
        chain.doFilter(request, response);
    }
}
