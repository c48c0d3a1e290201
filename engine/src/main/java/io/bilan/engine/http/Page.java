package io.bilan.engine.http;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One page of a list: its items and, when more follow, the cursor of its last one. The body stays a plain JSON
 * array; the next page's address goes in a {@code Link} header ({@code rel="next"}, RFC 8288), as GitHub's API does.
 */
public record Page<T>(List<T> items, Cursor next) {

    public Page {
        items = List.copyOf(items);
    }

    /** The same page with each item turned into another. */
    public <V> Page<V> map(java.util.function.Function<T, V> view) {
        return new Page<>(items.stream().map(view).toList(), next);
    }

    /** The answer: the items, and the next page's address with the request's other parameters kept. */
    public RestResponse<List<T>> response(UriInfo uri) {
        RestResponse.ResponseBuilder<List<T>> answer = RestResponse.ResponseBuilder.ok(items);
        if (next != null) {
            String address = uri.getRequestUriBuilder().replaceQueryParam(Cursor.PARAMETER, next.encode()).build()
                    .toString();
            answer.header("Link", "<" + address + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
