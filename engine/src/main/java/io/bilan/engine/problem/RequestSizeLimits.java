package io.bilan.engine.problem;

import io.bilan.engine.config.EngineConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bounds request bodies per kind of endpoint before they are read. Batches ({@code score-batch}) and data sets
 * ({@code statistics}, which also counts its rows) are streamed, chunked or not, and may be as large as
 * {@code quarkus.http.limits.max-body-size}; a response set or a package is read whole, so its declared length
 * must stay under its own limit, and a body sent without a declared length (chunked) is refused.
 */
public class RequestSizeLimits {

    private final long maxPackageSize;
    private final long maxDocumentSize;

    RequestSizeLimits(EngineConfig config) {
        // Read once: a MemorySize gives its value through a BigInteger, at every call.
        this.maxPackageSize = config.limits().maxPackageSize().asLongValue();
        this.maxDocumentSize = config.limits().maxDocumentSize().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!method.equals("POST") && !method.equals("PUT")) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || isStreamed(path)) {
            return null;
        }
        long limit = path.equals("/api/v1/instruments") ? maxPackageSize : maxDocumentSize;
        String declared = request.getHeaderString("Content-Length");
        if (declared == null && request.getHeaderString("Transfer-Encoding") == null) {
            return null; // no body at all, e.g. a signature or an approval
        }
        if (declared == null) {
            return ProblemMapper.response(ProblemType.LENGTH_REQUIRED,
                    Texts.of("detail.length-required"),
                    request.getUriInfo());
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return ProblemMapper.response(ProblemType.BAD_REQUEST, Texts.of("detail.content-length-not-a-number"),
                    request.getUriInfo());
        }
        if (length > limit) {
            return ProblemMapper.response(ProblemType.BODY_TOO_LARGE,
                    Texts.of("detail.body-too-large", length, limit),
                    request.getUriInfo());
        }
        return null;
    }

    /** Batches and data sets for statistics are read row by row, each row bounded, the rows counted. */
    private static boolean isStreamed(String path) {
        return path.startsWith("/api/v1/instruments/") && (path.endsWith("/score-batch") || path.endsWith("/statistics"));
    }
}
