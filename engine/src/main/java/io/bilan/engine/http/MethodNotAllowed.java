package io.bilan.engine.http;

import io.bilan.engine.openapi.ApiRoutes;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A method a resource of the API does not take is a 405 naming, in {@code Allow}, the methods it takes, whichever
 * method was sent ({@code PATCH} included), rather than a 404.
 */
public class MethodNotAllowed {

    @ServerResponseFilter
    public void allow(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        String path = request.getUriInfo().getPath();
        if ((status != 404 && status != 405) || !path.startsWith("/api/")) {
            return;
        }
        Set<String> methods = ApiRoutes.methodsOf(path);
        String method = request.getMethod();
        if (methods.isEmpty() || methods.contains(method) || method.equals("HEAD") && methods.contains("GET")) {
            return;
        }
        if (method.equals("OPTIONS")) {
            return;
        }
        String allow = String.join(", ", methods);
        response.setStatus(405);
        response.getHeaders().putSingle("Allow", allow);
        response.setEntity(new ProblemDetails(ProblemType.METHOD_NOT_ALLOWED.uri(),
                ProblemType.METHOD_NOT_ALLOWED.title(), 405, "This resource takes " + allow + ", not " + method + ".",
                path, null), null, MediaType.valueOf("application/problem+json"));
    }
}
