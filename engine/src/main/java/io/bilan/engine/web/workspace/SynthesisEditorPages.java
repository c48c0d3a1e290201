package io.bilan.engine.web.workspace;

import io.bilan.engine.cases.CaseNotFoundException;
import io.bilan.engine.cases.CaseViews;
import io.bilan.engine.cases.Syntheses;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.engine.web.Csrf;
import io.bilan.engine.web.PageLanguage;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.Pages;
import io.bilan.engine.web.synthesis.SynthesisPages;
import io.bilan.synthesis.Synthesis;
import io.bilan.synthesis.SynthesisHtml;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.ForbiddenException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The synthesis editor of the case page, {@code /staff/cases/{id}/synthesis/editor}: every section the API's edit
 * takes, in one form, saved through {@link Syntheses#edit} on the revision the form was read at (a stale form is
 * refused and says so), beside the document as the beneficiary reads it. The form's sections are read into the API's
 * {@link CaseViews.SynthesisEdit} and checked by the same constraints; only the sections the counsellor changed are
 * sent, so that the others are still redrafted from the results. With its script the page previews the document as
 * the counsellor types, through {@code POST .../preview}, which renders the document's own template; without it the
 * preview shows the saved draft.
 */
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class SynthesisEditorPages {

    /** A list section's rows are numbered from 0; more than this many are never read. */
    private static final int MAX_ROWS = 100;
    private static final Pattern ROW = Pattern.compile("(competence|option|step)-[a-z]+-(\\d{1,3})");

    private final CasePages page;
    private final Syntheses syntheses;
    private final Validator validator;
    private final Caller caller;
    private final Pages pages;
    private final Template editor;
    private final Template document;

    SynthesisEditorPages(CasePages page, Syntheses syntheses, Validator validator, Caller caller, Pages pages,
            Template editor, Template document) {
        this.page = page;
        this.syntheses = syntheses;
        this.validator = validator;
        this.caller = caller;
        this.pages = pages;
        this.editor = editor;
        this.document = document;
    }

    /** A competence's row: its level in percent, as the form writes it. */
    @TemplateData
    public record CompetenceRow(int index, String label, String level, String note) {
        /** The row's number as people count, from 1. */
        public int number() {
            return index + 1;
        }

        public String labelId() {
            return "competence-label-" + index;
        }

        public String levelId() {
            return "competence-level-" + index;
        }

        public String noteId() {
            return "competence-note-" + index;
        }
    }

    /** An option's row: the occupation's id when it comes from the catalogue. */
    @TemplateData
    public record OptionRow(int index, String occupation, String title, String reason) {
        /** The row's number as people count, from 1. */
        public int number() {
            return index + 1;
        }

        public String titleId() {
            return "option-title-" + index;
        }

        public String reasonId() {
            return "option-reason-" + index;
        }
    }

    @TemplateData
    public record StepRow(int index, String title, String detail) {
        /** The row's number as people count, from 1. */
        public int number() {
            return index + 1;
        }

        public String titleId() {
            return "step-title-" + index;
        }

        public String detailId() {
            return "step-detail-" + index;
        }
    }

    /** The form as shown: the draft's sections, or what was typed when it is shown again with a problem. */
    @TemplateData
    public record Form(int revision, String circumstances, String favourable, String unfavourable,
            List<CompetenceRow> competences, List<OptionRow> options, List<StepRow> roadmap, String conclusion,
            String notAssessed) {
    }

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public Response read(@PathParam("id") String id, @QueryParam("saved") String saved) {
        return page.gate().refusal(page.headers, page.uri, Roles.COUNSELLOR).orElseGet(() -> page.guarded(() -> {
            Syntheses.Document current;
            try {
                current = syntheses.read(id, caller);
            } catch (CaseNotFoundException notYours) {
                throw notYours;
            } catch (ProblemException notDrafted) {
                return page.gate().notFound(page.headers, page.uri);
            }
            PageTexts t = texts();
            String notice = saved == null ? "" : saved.equals("none") ? t.get("case.editor.unchanged")
                    : saved.matches("\\d{1,9}") ? t.format("case.editor.saved", saved) : "";
            return render(id, current, form(current), List.of(), Map.of(), notice).ok();
        }));
    }

    /** Saves the sections the counsellor changed, on the revision the form was read at. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public Response save(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return page.writeRefusal(id, form).orElseGet(() -> page.guarded(() -> {
            Syntheses.Document current;
            try {
                current = syntheses.read(id, caller);
            } catch (CaseNotFoundException notYours) {
                throw notYours;
            } catch (ProblemException notDrafted) {
                return page.gate().notFound(page.headers, page.uri);
            }
            Read read = new Read(form);
            Syntheses.Document saved;
            try {
                Integer revision = read.revision();
                CaseViews.SynthesisEdit edit = changed(read.edit(), current.synthesis());
                if (edit == null) {
                    if (revision != null && revision != current.revision()) {
                        syntheses.edit(id, caller, null, revision); // refused: the form was read on an older draft
                    }
                    return Response.seeOther(URI.create("/staff/cases/" + id + "/synthesis/editor?saved=none")).build();
                }
                check(edit);
                saved = syntheses.edit(id, caller, edit, revision);
            } catch (CaseNotFoundException | ForbiddenException notFound) {
                throw notFound;
            } catch (ProblemException refused) {
                return refused(id, current, read, refused);
            }
            return Response.seeOther(URI.create("/staff/cases/" + id + "/synthesis/editor?saved=" + saved.revision()))
                    .build();
        }));
    }

    /**
     * The document as it would read with the form's sections, as an HTML fragment, stored nowhere: the editor's
     * script asks for it as the counsellor types.
     */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public Response preview(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return page.writeRefusal(id, form).orElseGet(() -> page.guarded(() -> {
            PageTexts t = texts();
            try {
                CaseViews.SynthesisEdit edit = new Read(form).edit();
                check(edit);
                return fragment(syntheses.preview(id, caller, edit), 200);
            } catch (CaseNotFoundException | ForbiddenException notFound) {
                throw notFound;
            } catch (ProblemException refused) {
                String html = "<p class=\"problem\" id=\"preview-problem\">" + escape(t.get("case.editor.previewWaits"))
                        + " " + escape(messages(refused, t).stream().collect(Collectors.joining(" "))) + "</p>";
                return Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
            }
        }));
    }

    // --- the page ---

    private Pages.Page render(String id, Syntheses.Document current, Form shown, List<CasePages.Problem> summary,
            Map<String, String> byField, String notice) {
        PageTexts t = texts();
        return pages.page(editor, "case.editor.title", page.headers, page.uri, caller)
                .data("caseId", id)
                .data("statusLabel", t.get("case.synthesis.status." + current.status()))
                .data("editable", current.status().equals(Syntheses.DRAFT)
                        || current.status().equals(Syntheses.CHANGES_REQUESTED))
                .data("f", shown)
                .data("summary", summary)
                .data("fieldErrors", byField)
                .data("notice", notice)
                .data("preview", documentHtml(current.synthesis()));
    }

    private Response refused(String id, Syntheses.Document current, Read read, ProblemException refused) {
        PageTexts t = texts();
        List<CasePages.Problem> summary = new ArrayList<>();
        Map<String, String> byField = new LinkedHashMap<>();
        List<ProblemDetails.Error> errors = refused.errors() == null || refused.errors().isEmpty()
                ? List.of(new ProblemDetails.Error(refused.type().code(), null, refused.detail(), null, null))
                : refused.errors();
        for (ProblemDetails.Error error : errors) {
            String field = read.field(error.pointer());
            String text = message(error, t);
            summary.add(new CasePages.Problem("#" + field, text));
            byField.merge(field, text, (a, b) -> a + " " + b);
        }
        int status = refused.type().status() == 404 ? 400 : refused.type().status();
        return render(id, current, read.shown(current.revision()), summary, byField, "").status(status);
    }

    private static List<String> messages(ProblemException refused, PageTexts t) {
        return refused.errors() == null || refused.errors().isEmpty() ? List.of(refused.detail())
                : refused.errors().stream().map(error -> message(error, t)).toList();
    }

    /** An error in the page's words when it has them; the API's own message otherwise. */
    private static String message(ProblemDetails.Error error, PageTexts t) {
        return t.getOr("case.editor.problem." + error.code(), t.getOr("case.problem." + error.code(), error.message()));
    }

    private Response fragment(Synthesis synthesis, int status) {
        String html = document.data("t", texts()).data("document", documentHtml(synthesis)).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /** The document's body as {@link SynthesisHtml} renders it for the beneficiary's page and the PDF. */
    static String documentHtml(Synthesis synthesis) {
        return SynthesisPages.body(SynthesisHtml.render(synthesis));
    }

    private void check(CaseViews.SynthesisEdit edit) {
        Set<ConstraintViolation<CaseViews.SynthesisEdit>> broken = validator.validate(edit);
        if (!broken.isEmpty()) {
            throw InvalidRequestException.of(broken);
        }
    }

    private PageTexts texts() {
        return PageTexts.of(PageLanguage.of(page.headers));
    }

    // --- the draft as a form, and the form as an edit ---

    /** The draft's sections as the form shows them, each list with one empty row more to add to it. */
    static Form form(Syntheses.Document current) {
        Synthesis s = current.synthesis();
        List<CompetenceRow> competences = new ArrayList<>();
        for (Synthesis.Level level : s.competences()) {
            competences.add(new CompetenceRow(competences.size(), level.label(), percent(level.level()),
                    text(level.note())));
        }
        competences.add(new CompetenceRow(competences.size(), "", "", ""));
        List<OptionRow> options = new ArrayList<>();
        for (Synthesis.Option option : s.options()) {
            options.add(new OptionRow(options.size(), text(option.occupation()), text(option.title()),
                    text(option.reason())));
        }
        options.add(new OptionRow(options.size(), "", "", ""));
        List<StepRow> roadmap = new ArrayList<>();
        for (Synthesis.Step step : s.roadmap()) {
            roadmap.add(new StepRow(roadmap.size(), step.title(), text(step.detail())));
        }
        roadmap.add(new StepRow(roadmap.size(), "", ""));
        return new Form(current.revision(), text(s.circumstances()), String.join("\n", s.favourable()),
                String.join("\n", s.unfavourable()), competences, options, roadmap, text(s.conclusion()),
                String.join("\n", notAssessed(s)));
    }

    /**
     * {@code edit} with only the sections that differ from {@code current}; {@code null} when none does. A level is
     * compared in whole percent, as the form shows it.
     */
    static CaseViews.SynthesisEdit changed(CaseViews.SynthesisEdit edit, Synthesis current) {
        String circumstances = differs(edit.circumstances(), text(current.circumstances()), String::strip);
        List<String> favourable = differs(edit.favourable(), current.favourable(), Function.identity());
        List<String> unfavourable = differs(edit.unfavourable(), current.unfavourable(), Function.identity());
        List<CaseViews.SynthesisEdit.Competence> competences = differs(edit.competences(), current.competences().stream()
                .map(level -> new CaseViews.SynthesisEdit.Competence(level.label(),
                        Double.valueOf(percent(level.level())) / 100, optional(level.note()))).toList(),
                Function.identity());
        List<CaseViews.SynthesisEdit.Option> options = differs(edit.options(), current.options().stream()
                .map(option -> new CaseViews.SynthesisEdit.Option(optional(option.occupation()), optional(option.title()),
                        option.reason())).toList(), Function.identity());
        List<CaseViews.SynthesisEdit.Step> roadmap = differs(edit.roadmap(), current.roadmap().stream()
                .map(step -> new CaseViews.SynthesisEdit.Step(step.title(), optional(step.detail()))).toList(),
                Function.identity());
        String conclusion = differs(edit.conclusion(), text(current.conclusion()), String::strip);
        List<String> notAssessed = differs(edit.notAssessed(), notAssessed(current), Function.identity());
        if (circumstances == null && favourable == null && unfavourable == null && competences == null
                && options == null && roadmap == null && conclusion == null && notAssessed == null) {
            return null;
        }
        return new CaseViews.SynthesisEdit(circumstances, favourable, unfavourable, competences, options, roadmap,
                conclusion, notAssessed);
    }

    private static <T> T differs(T given, T current, Function<T, T> normal) {
        return given == null || Objects.equals(normal.apply(given), normal.apply(current)) ? null : given;
    }

    private static List<String> notAssessed(Synthesis synthesis) {
        return synthesis.handover() == null || synthesis.handover().notAssessed() == null ? List.of()
                : synthesis.handover().notAssessed();
    }

    static String percent(double level) {
        return BigDecimal.valueOf(level * 100).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** The form posted, read into the API's edit; which field each of the edit's pointers came from. */
    private static final class Read {

        private final MultivaluedMap<String, String> form;
        /** The form's row of each item of a list section, by the item's pointer ({@code /competences/0}). */
        private final Map<String, Integer> rows = new LinkedHashMap<>();

        Read(MultivaluedMap<String, String> form) {
            this.form = form;
        }

        Integer revision() {
            String text = value("revision");
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException unreadable) {
                throw InvalidRequestException.at("/revision", "stale-revision", "revision " + text);
            }
        }

        CaseViews.SynthesisEdit edit() {
            List<CaseViews.SynthesisEdit.Competence> competences = new ArrayList<>();
            for (int row : rows("competence")) {
                String label = value("competence-label-" + row);
                String level = value("competence-level-" + row);
                String note = value("competence-note-" + row);
                if (label.isEmpty() && level.isEmpty() && note.isEmpty()) {
                    continue;
                }
                String pointer = "/competences/" + competences.size();
                rows.put(pointer, row);
                competences.add(new CaseViews.SynthesisEdit.Competence(label.isEmpty() ? null : label,
                        level(level, pointer + "/level"), note.isEmpty() ? null : note));
            }
            List<CaseViews.SynthesisEdit.Option> options = new ArrayList<>();
            for (int row : rows("option")) {
                String occupation = value("option-occupation-" + row);
                String title = value("option-title-" + row);
                String reason = value("option-reason-" + row);
                if (title.isEmpty() && reason.isEmpty()) {
                    continue; // an option whose title and reason were both cleared is taken out
                }
                rows.put("/options/" + options.size(), row);
                options.add(new CaseViews.SynthesisEdit.Option(occupation.isEmpty() ? null : occupation,
                        title.isEmpty() ? null : title, reason.isEmpty() ? null : reason));
            }
            List<CaseViews.SynthesisEdit.Step> roadmap = new ArrayList<>();
            for (int row : rows("step")) {
                String title = value("step-title-" + row);
                String detail = value("step-detail-" + row);
                if (title.isEmpty() && detail.isEmpty()) {
                    continue;
                }
                rows.put("/roadmap/" + roadmap.size(), row);
                roadmap.add(new CaseViews.SynthesisEdit.Step(title.isEmpty() ? null : title,
                        detail.isEmpty() ? null : detail));
            }
            return new CaseViews.SynthesisEdit(value("circumstances"), lines("favourable"), lines("unfavourable"),
                    competences, options, roadmap, value("conclusion"), lines("notAssessed"));
        }

        /** What was typed, to show again with the problems found in it. */
        Form shown(int revision) {
            List<CompetenceRow> competences = new ArrayList<>();
            for (int row : rows("competence")) {
                competences.add(new CompetenceRow(competences.size(), value("competence-label-" + row),
                        value("competence-level-" + row), value("competence-note-" + row)));
            }
            List<OptionRow> options = new ArrayList<>();
            for (int row : rows("option")) {
                options.add(new OptionRow(options.size(), value("option-occupation-" + row),
                        value("option-title-" + row), value("option-reason-" + row)));
            }
            List<StepRow> roadmap = new ArrayList<>();
            for (int row : rows("step")) {
                roadmap.add(new StepRow(roadmap.size(), value("step-title-" + row), value("step-detail-" + row)));
            }
            String typed = value("revision");
            return new Form(typed.matches("\\d{1,9}") ? Integer.parseInt(typed) : revision, value("circumstances"),
                    value("favourable"), value("unfavourable"), competences, options, roadmap, value("conclusion"),
                    value("notAssessed"));
        }

        /**
         * The id of the field an error of the edit points at: {@code /competences/1/level} is the level of the row
         * that item came from; an error of a whole section or of the edit, the section's field or the form.
         */
        String field(String pointer) {
            if (pointer == null || pointer.isEmpty()) {
                return "synthesis-editor";
            }
            Matcher item = Pattern.compile("^/(competences|options|roadmap)/(\\d+)(?:/([a-zA-Z]+))?").matcher(pointer);
            if (item.find()) {
                Integer row = rows.get("/" + item.group(1) + "/" + item.group(2));
                String kind = switch (item.group(1)) {
                    case "competences" -> "competence";
                    case "options" -> "option";
                    default -> "step";
                };
                String part = item.group(3) == null ? (kind.equals("option") ? "reason" : kind.equals("step") ? "title"
                        : "label") : item.group(3).equals("occupation") ? "title" : item.group(3);
                return row == null ? kind + "s" : kind + "-" + part + "-" + row;
            }
            return switch (pointer.replaceFirst("^/", "").replaceFirst("/.*", "")) {
                case "circumstances" -> "edit-circumstances";
                case "favourable" -> "edit-favourable";
                case "unfavourable" -> "edit-unfavourable";
                case "competences" -> "competences";
                case "options" -> "options";
                case "roadmap" -> "roadmap";
                case "conclusion" -> "edit-conclusion";
                case "notAssessed" -> "edit-not-assessed";
                default -> "synthesis-editor";
            };
        }

        /** The rows of a list section the form holds, in order. */
        private List<Integer> rows(String kind) {
            return form.keySet().stream().map(ROW::matcher).filter(Matcher::matches)
                    .filter(name -> name.group(1).equals(kind)).map(name -> Integer.parseInt(name.group(2)))
                    .filter(row -> row < MAX_ROWS).distinct().sorted().toList();
        }

        private String value(String name) {
            String value = form.getFirst(name);
            // A browser sends a textarea's line breaks as CRLF; the document keeps them as LF.
            return value == null || name.equals(Csrf.FIELD) ? "" : value.replace("\r\n", "\n").strip();
        }

        /** A list of sentences, one a line, blank lines left out. */
        private List<String> lines(String name) {
            return Arrays.stream(value(name).split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
        }

        private static Double level(String percent, String pointer) {
            if (percent.isEmpty()) {
                return null;
            }
            try {
                double value = Double.parseDouble(percent.replace(',', '.').replace("%", "").strip());
                if (value >= 0 && value <= 100) {
                    return value / 100;
                }
            } catch (NumberFormatException unreadable) {
                // refused below, as a number out of range
            }
            throw InvalidRequestException.at(pointer, "invalid-level", PageTexts.of("en").get(
                    "case.editor.problem.invalid-level"));
        }
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
