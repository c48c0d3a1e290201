package io.bilan.engine.http;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A page and a PDF served only in tests, so the headers of each kind of response are checked on their own. */
@Path("/test-only")
@PermitAll
public class PagesForTests {

    @GET
    @Path("/page")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String page() {
        return "<!doctype html><html lang=\"en\"><title>A page</title><p>Camille Roux</p></html>";
    }

    @GET
    @Path("/page-with-its-policy")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response pageWithItsPolicy() {
        return Response.ok("<!doctype html><title>Strict</title>")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
    }

    @GET
    @Path("/document")
    @Produces("application/pdf")
    @Operation(hidden = true)
    public byte[] document() {
        return "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
