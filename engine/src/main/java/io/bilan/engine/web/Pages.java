package io.bilan.engine.web;

import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.engine.security.StaffSessions;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Renders the pages in the shared layout: the language, its texts, the CSRF token of the browser session and the
 * language switch's links are given to every template, so a page of any audience (beneficiary, counsellor,
 * observer) starts from the same frame.
 */
@ApplicationScoped
public class Pages {

    /** A page about to be rendered: set its data with {@link #data}, then {@link #ok} or {@link #status}. */
    public static final class Page {
        private final TemplateInstance instance;

        Page(TemplateInstance instance) {
            this.instance = instance;
        }

        public Page data(String name, Object value) {
            instance.data(name, value);
            return this;
        }

        public Response ok() {
            return status(200);
        }

        public Response status(int status) {
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(instance.render())
                    .header("Content-Language", instance.getAttribute("lang")).build();
        }
    }

    /** The texts of the pages in this request's language. */
    public PageTexts texts(HttpHeaders headers) {
        return PageTexts.of(PageLanguage.of(headers));
    }

    /** The page of {@code template} titled by the text {@code titleKey}, for this request. */
    public Page page(Template template, String titleKey, HttpHeaders headers, UriInfo uri, Caller caller) {
        String language = PageLanguage.of(headers);
        PageTexts texts = PageTexts.of(language);
        String path = uri.getPath();
        TemplateInstance instance = template.instance()
                .data("lang", language)
                .data("t", texts)
                .data("title", texts.get(titleKey))
                .data("csrf", caller.csrfToken().orElse(""))
                .data("signedIn", caller.browserSession().isPresent())
                .data("staffSignedIn", caller.staffSession().isPresent())
                .data("staffName", caller.staffSession().map(StaffSessions.Holder::name).orElse(""))
                .data("staffAdmin", caller.staffSession().filter(staff -> staff.is(Roles.ADMIN)
                        && !staff.mustChangePassword()).isPresent())
                .data("staffPage", path.equals(StaffSessions.PATH) || path.startsWith(StaffSessions.PATH + "/"))
                .data("staffReady", caller.staffSession().filter(staff -> !staff.mustChangePassword()).isPresent())
                .data("switchFr", "/language?to=fr&back=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8))
                .data("switchEn", "/language?to=en&back=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
        instance.setAttribute("lang", language);
        return new Page(instance);
    }
}
