package io.bilan.engine.web.workspace;

import static io.bilan.engine.web.workspace.CasePages.blankToNull;
import static io.bilan.engine.web.workspace.CasePages.number;

import io.bilan.engine.cases.CaseViews;
import io.bilan.engine.cases.Syntheses;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.security.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The career options a counsellor keeps with the beneficiary, {@code /staff/cases/{id}/options/kept}: the options
 * section of the synthesis draft, written through the same synthesis edit the API takes ({@code PUT .../synthesis})
 * on the revision the page showed, so the draft and the case page never disagree about what was kept. A refusal shows
 * the case page again with what went wrong; the page reaches this class through {@link CasePages#keptOptions()}.
 */
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CaseOptionPages {

    private final CasePages page;
    private final Syntheses syntheses;
    private final Validator validator;
    private final Caller caller;

    CaseOptionPages(CasePages page, Syntheses syntheses, Validator validator, Caller caller) {
        this.page = page;
        this.syntheses = syntheses;
        this.validator = validator;
        this.caller = caller;
    }

    /** Keeps an option, with the reason; kept again, its reason is replaced. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response keep(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String occupation = form.getFirst("occupation") == null ? "" : form.getFirst("occupation").strip();
        return page.act(id, form, "keep-" + (occupation.matches("[a-z0-9-]{1,200}") ? occupation : "option"), () -> {
            Syntheses.Document current = syntheses.read(id, caller);
            List<CaseViews.SynthesisEdit.Option> options = new ArrayList<>(kept(current));
            CaseViews.SynthesisEdit.Option chosen = new CaseViews.SynthesisEdit.Option(blankToNull(occupation), null,
                    blankToNull(form.getFirst("reason")));
            int already = IntStream.range(0, options.size())
                    .filter(i -> occupation.equals(options.get(i).occupation())).findFirst().orElse(-1);
            if (already >= 0) {
                options.set(already, new CaseViews.SynthesisEdit.Option(chosen.occupation(),
                        options.get(already).title(), chosen.reason()));
            } else {
                options.add(chosen);
            }
            edit(id, options, current.revision());
            return "kept";
        });
    }

    /** Takes a kept option out of the synthesis draft, on the revision the page showed. */
    @POST
    @Path("/{index}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@PathParam("id") String id, @PathParam("index") int index,
            MultivaluedMap<String, String> form) {
        return page.act(id, form, "kept", () -> {
            Syntheses.Document current = syntheses.read(id, caller);
            List<CaseViews.SynthesisEdit.Option> options = new ArrayList<>(kept(current));
            Integer revision = number(form.getFirst("revision"), "/revision");
            if (index < 0 || index >= options.size()) {
                if (revision != null && revision != current.revision()) {
                    edit(id, options, revision); // refused: the page showed an older draft
                }
                throw InvalidRequestException.at("/index", "unknown-option", "no kept option " + index);
            }
            options.remove(index);
            edit(id, options, revision);
            return "kept";
        });
    }

    /** The kept options as the synthesis edit takes them back. */
    private static List<CaseViews.SynthesisEdit.Option> kept(Syntheses.Document current) {
        return current.synthesis().options().stream().map(option -> new CaseViews.SynthesisEdit.Option(
                blankToNull(option.occupation()), option.title(), option.reason())).toList();
    }

    private void edit(String id, List<CaseViews.SynthesisEdit.Option> options, Integer revision) {
        CaseViews.SynthesisEdit edit = new CaseViews.SynthesisEdit(null, null, null, null, options, null, null, null);
        var broken = validator.validate(edit);
        if (!broken.isEmpty()) {
            throw InvalidRequestException.of(broken);
        }
        syntheses.edit(id, caller, edit, revision);
    }
}
