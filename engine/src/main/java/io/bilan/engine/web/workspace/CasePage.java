package io.bilan.engine.web.workspace;

import io.bilan.api.report.Flag;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.vocabulary.Competence;
import io.bilan.engine.cases.CasePhase;
import io.bilan.engine.cases.CaseViews;
import io.bilan.engine.cases.CaseWorkspace;
import io.bilan.engine.cases.Syntheses;
import io.bilan.engine.cases.SynthesisDrafts;
import io.bilan.engine.catalog.InstrumentSummary;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.profile.CareerOptionView;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.ScaleLine;
import io.bilan.profile.Profile;
import io.bilan.synthesis.Synthesis;
import io.bilan.synthesis.SynthesisHtml;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the counsellor's case page shows, in the page's language: made from the {@link CaseWorkspace.Overview} the
 * services read, without reading anything itself, so that what the page says is what the API says. The phases and
 * what the next one still needs come from the rules of the phases as {@code GET /api/v1/cases/{id}} gives them;
 * the charts of the profile are the synthesis document's own.
 *
 * @param id            the case's id
 * @param beneficiary   the centre's pseudonymous id of the beneficiary
 * @param name          their name, or empty
 * @param phase         the phase's code
 * @param phaseLabel    the phase in words
 * @param phases        the phases of a bilan with where the case stands on each
 * @param next          the next phase and what it still needs, or null once closed
 * @param preliminary   the demand, the fit decision and the contract
 * @param hours         the time used against the legal maximum
 * @param sessions      the sessions, newest first
 * @param invitations   the invitations, newest first
 * @param invitable     the instruments of the case's phase the beneficiary can be invited to
 * @param results       the administrations with their results, newest first
 * @param profile       the profile the results add up to
 * @param options       the career options, best first
 * @param synthesis     the synthesis and what can be done with it
 * @param consents      the beneficiary's consents
 * @param transmissions what was handed to a third party under a consent, as the audit trail recorded it, newest first
 * @param audit         the most recent entries of the audit trail, newest first
 * @param auditTotal    how many entries the trail holds
 * @param followUp      the follow-up's due date and the reason of an early one
 * @param open          whether the case is not closed
 * @param today         the day, for the session form
 * @param filters       the sectors and preparation levels the options can be filtered by, and those chosen
 * @param validation    the project validation of the target asked for, or the occupations its words match
 * @param kept          the options the counsellor kept in the synthesis draft, each with its reason
 * @param auditPages    the cursors of the older and newer pages of the audit trail
 */
@TemplateData
public record CasePage(String id, String beneficiary, String name, String phase, String phaseLabel,
        List<PhaseStep> phases, Next next, Preliminary preliminary, Hours hours, List<SessionRow> sessions,
        List<InvitationRow> invitations, List<Choice> invitable, List<Result> results, ProfileView profile,
        List<OptionRow> options, SynthesisView synthesis, List<ConsentRow> consents, List<AuditRow> transmissions,
        List<AuditRow> audit, int auditTotal, FollowUp followUp, boolean open, String today, Filters filters,
        Validation validation, Kept kept, AuditPages auditPages) {

    /** How many entries of the audit trail the page lists. */
    static final int AUDIT_SHOWN = CaseWorkspace.AUDIT_SHOWN;

    /** The occupation of the project validated in the page, which the synthesis is drafted for by default. */
    public String projectId() {
        return validation == null || validation.project() == null ? "" : validation.project().occupation();
    }

    /** The words of the target asked for, to show them again in its field. */
    public String targetWords() {
        return validation == null ? "" : validation.target();
    }

    /** A phase of the bilan: {@code done}, {@code current} or {@code upcoming}. */
    @TemplateData
    public record PhaseStep(String code, String label, String state) {
    }

    /** The next phase and, one sentence each, what it still needs; {@code ready} when nothing. */
    @TemplateData
    public record Next(String phase, String label, List<String> missing, boolean ready, boolean canClose) {
    }

    /** The preliminary phase: empty strings for what is not there yet. */
    @TemplateData
    public record Preliminary(String demand, String fit, String fitLabel, String route, String fitBy, String fitAt,
            String beneficiarySignedAt, String counsellorSignedAt, String counsellorSignedBy) {
    }

    /** Time used and left, in hours and minutes, and the share used. */
    @TemplateData
    public record Hours(String used, String left, String maximum, int percent, int minutesLeft) {
    }

    @TemplateData
    public record SessionRow(String date, String phase, String length, String activities, String by) {
    }

    /** An invitation: its status is {@code pending} (invited), {@code opened} (in progress), {@code submitted}... */
    @TemplateData
    public record InvitationRow(String id, String title, String status, String statusLabel, String created,
            String expires, boolean revocable, String resultAnchor) {
    }

    @TemplateData
    public record Choice(String value, String label) {
    }

    /** An administration and its results as the counsellor reads them: every scored scale, flags, interpretation. */
    @TemplateData
    public record Result(long id, String anchor, String title, String coordinates, String phase, String at, String by,
            List<ScaleLine> scales, List<String> flags, List<String> interpretation) {
    }

    /** A labelled bar: {@code percent} of the way, {@code value} in words. */
    @TemplateData
    public record Bar(String label, int percent, String value, String note) {
    }

    /** A competence of the portfolio with its mastery and the evidence it rests on. */
    @TemplateData
    public record CompetenceRow(String label, String mastery, int percent, List<String> evidence) {
    }

    /**
     * The profile.
     *
     * @param hexagon    the RIASEC hexagon as an inline SVG figure, or empty without all six areas
     * @param interests  the six areas in words, for whoever does not see the figure
     */
    @TemplateData
    public record ProfileView(boolean empty, String hexagon, List<Bar> interests, String hollandCode, List<Bar> values,
            List<CompetenceRow> strengths, List<CompetenceRow> potential, List<Bar> aptitudes, List<String> missing) {
    }

    /** A career option; {@code occupation} is its id in the catalogue, {@code kept} whether the synthesis keeps it. */
    @TemplateData
    public record OptionRow(String title, String fit, String fitLabel, String fitMeaning, List<String> favourable,
            List<String> unfavourable, List<String> gaps, String occupation, String sector, boolean kept) {

        /** The id of the reason field of its form to keep it. */
        public String reasonId() {
            return "keep-reason-" + occupation;
        }

        /** Where the page finds the reason typed when the form is shown again. */
        public String reasonValue() {
            return "keep-" + occupation + ".reason";
        }
    }

    /** The filters of the options: every sector and preparation level, and the ones chosen (empty for all). */
    @TemplateData
    public record Filters(List<Choice> sectors, List<Choice> levels, String sector, String level) {

        public boolean any() {
            return !sector.isEmpty() || !level.isEmpty();
        }
    }

    /** A gap of a project: the competence, how to check it and how to close it. */
    @TemplateData
    public record Gap(String competence, String check, String close) {
    }

    /**
     * The validation of the target the counsellor typed: {@code choices} when its words match occupations to choose
     * from, {@code project} once one is chosen (or its id typed).
     */
    @TemplateData
    public record Validation(String target, List<Choice> choices, Project project) {
    }

    /** A validated project: its fit, the factors for and against, the gaps and the stages. */
    @TemplateData
    public record Project(String occupation, String title, String fit, String fitLabel, String fitMeaning,
            List<String> favourable, List<String> unfavourable, List<Gap> gaps, List<String> steps) {
    }

    /**
     * The options kept with the beneficiary, as the synthesis draft holds them; {@code editable} when the draft can
     * take more (a draft exists and is not with the beneficiary).
     */
    @TemplateData
    public record Kept(List<KeptOption> options, boolean editable, boolean drafted) {
    }

    @TemplateData
    public record KeptOption(int index, String occupation, String title, String reason) {
    }

    /** The cursors of the audit trail's pages: {@code newer} is empty for the latest entries, null for none. */
    @TemplateData
    public record AuditPages(String older, String newer) {

        public boolean hasNewer() {
            return newer != null;
        }

        public boolean hasOlder() {
            return older != null;
        }
    }

    /** The synthesis: {@code status} is empty before the first draft. */
    @TemplateData
    public record SynthesisView(String status, String statusLabel, int revision, String changeRequest,
            String approvedDigest, boolean canDraft, boolean canSubmit, boolean hasDocument) {
    }

    @TemplateData
    public record ConsentRow(String recipient, String parts, String purpose, String given, String withdrawn) {
    }

    @TemplateData
    public record AuditRow(String at, String actor, String action, String detail) {
    }

    @TemplateData
    public record FollowUp(String due, String earlyReason, String earlyBy, boolean canRecordEarly) {
    }

    /**
     * The page of a case.
     *
     * @param titles     the title of an instrument version in the page's language
     * @param people     the name of whoever a subject ({@code user:<id>}, {@code key:<id>}...) stands for
     * @param invitable  the instruments of the catalogue in the case's phase (observation grids are left out here)
     */
    static CasePage of(CaseWorkspace.Overview overview, PageTexts t, BiFunction<String, String, String> titles,
            Function<String, String> people, List<InstrumentSummary> invitable, LocalDate today) {
        return of(overview, CaseWorkspace.Lens.NONE, t, titles, people, invitable, today);
    }

    /** The same, with the filters, the target and the page of the audit trail asked for ({@code lens}). */
    static CasePage of(CaseWorkspace.Overview overview, CaseWorkspace.Lens lens, PageTexts t,
            BiFunction<String, String, String> titles, Function<String, String> people,
            List<InstrumentSummary> invitable, LocalDate today) {
        String lang = t.language();
        Words words = new Words(t);
        Function<String, String> named = subject -> subject == null ? "" : people.apply(subject);
        CaseViews.CaseView view = overview.view();
        CasePhase phase = CasePhase.of(view.phase());
        List<PhaseStep> phases = new ArrayList<>();
        for (CasePhase step : CasePhase.values()) {
            String state = step == phase ? "current" : step.ordinal() < phase.ordinal() ? "done" : "upcoming";
            phases.add(new PhaseStep(step.code(), words.phase(step.code()), state));
        }
        Next next = view.next() == null ? null : new Next(view.next().phase(), words.phase(view.next().phase()),
                view.next().missing().stream().map(words::missing).toList(), view.next().missing().isEmpty(),
                phase == CasePhase.PRELIMINARY && view.fit() != null && "redirect".equals(view.fit().decision()));
        CaseViews.Contract contract = view.contract();
        CaseViews.Fit fit = view.fit();
        Preliminary preliminary = new Preliminary(text(view.demand()), fit == null ? "" : fit.decision(),
                fit == null ? "" : t.get("case.fit." + fit.decision()), fit == null ? "" : text(fit.route()),
                fit == null ? "" : named.apply(fit.decidedBy()), fit == null ? "" : words.moment(fit.decidedAt()),
                words.moment(contract.beneficiarySignedAt()), words.moment(contract.counsellorSignedAt()),
                named.apply(contract.counsellorSignedBy()));
        CaseViews.Hours used = view.hours();
        Hours hours = new Hours(words.duration(used.minutesUsed()), words.duration(used.minutesLeft()),
                words.duration(used.maximumMinutes()),
                (int) Math.round(100.0 * used.minutesUsed() / used.maximumMinutes()), used.minutesLeft());
        List<SessionRow> sessions = overview.sessions().stream()
                .sorted(Comparator.comparing(CaseViews.SessionView::date).thenComparing(CaseViews.SessionView::id)
                        .reversed())
                .map(session -> new SessionRow(words.day(session.date()), words.phase(session.phase()),
                        words.duration(session.minutes()), text(session.activities()), named.apply(session.recordedBy())))
                .toList();
        List<InvitationRow> invitations = overview.invitations().reversed().stream()
                .map(invitation -> new InvitationRow(invitation.id(),
                        titles.apply(invitation.instrument(), invitation.version()), invitation.status(),
                        t.get("case.invitation.status." + invitation.status()), words.moment(invitation.createdAt()),
                        words.moment(invitation.expiresAt()),
                        invitation.status().equals("pending") || invitation.status().equals("opened"),
                        invitation.administration() == null ? "" : "result-" + invitation.administration()))
                .toList();
        List<Choice> choices = invitable.stream()
                .filter(instrument -> !instrument.deprecated() && !instrument.kind().equals("observation-grid"))
                .map(instrument -> new Choice(instrument.id(), instrument.title())).toList();
        List<Result> results = overview.administrations().reversed().stream()
                .map(administration -> result(administration, titles, named, words)).toList();
        Profile profile = overview.options() == null ? null : overview.options().profile();
        Kept kept = kept(overview.synthesis(), phase);
        java.util.Set<String> keptOccupations = kept.options().stream().map(KeptOption::occupation)
                .filter(occupation -> !occupation.isEmpty()).collect(java.util.stream.Collectors.toSet());
        List<OptionRow> options = overview.options() == null || overview.options().careerOptions() == null ? List.of()
                : overview.options().careerOptions().stream()
                        .map(option -> option(option, lang, keptOccupations.contains(option.occupation()))).toList();
        List<CaseViews.AuditView> trail = overview.audit();
        List<CaseViews.AuditView> shown = overview.auditPage() == null
                ? trail.reversed().stream().limit(AUDIT_SHOWN).toList() : overview.auditPage().entries();
        List<AuditRow> audit = shown.stream()
                .map(entry -> new AuditRow(words.moment(entry.at()), named.apply(entry.actor()),
                        t.getOr("case.audit." + entry.action(), entry.action()), text(entry.detail())))
                .toList();
        AuditPages auditPages = overview.auditPage() == null
                ? new AuditPages(null, null)
                : new AuditPages(overview.auditPage().older(), overview.auditPage().newer());
        List<AuditRow> transmissions = trail.reversed().stream().filter(entry -> entry.action().equals("transmitted"))
                .map(entry -> new AuditRow(words.moment(entry.at()), named.apply(entry.actor()), entry.action(),
                        text(entry.detail())))
                .toList();
        List<ConsentRow> consents = overview.consents().stream()
                .map(consent -> new ConsentRow(consent.recipient(), String.join(", ", consent.shared().stream()
                        .map(part -> t.get("case.consent.part." + part)).toList()), text(consent.purpose()),
                        words.moment(consent.givenAt()), words.moment(consent.withdrawnAt())))
                .toList();
        CaseViews.EarlyFollowUp early = view.earlyFollowUp();
        FollowUp followUp = new FollowUp(view.followUpOn() == null ? "" : words.day(view.followUpOn()),
                early == null ? "" : early.reason(), early == null ? "" : named.apply(early.recordedBy()),
                phase == CasePhase.CONCLUSION || phase == CasePhase.FOLLOW_UP);
        return new CasePage(view.id(), view.beneficiary(), text(view.name()), view.phase(), words.phase(view.phase()),
                phases, next, preliminary, hours, sessions, invitations, choices, results, profile(profile, lang, t),
                options, synthesis(overview.synthesis(), phase, t), consents, transmissions, audit, trail.size(), followUp,
                phase != CasePhase.CLOSED, today.toString(), filters(lens, t), validation(overview, lens, lang), kept,
                auditPages);
    }

    private static Filters filters(CaseWorkspace.Lens lens, PageTexts t) {
        List<Choice> sectors = java.util.Arrays.stream(io.bilan.occupation.Sector.values())
                .map(sector -> new Choice(sector.id(), sector.label(t.language())))
                .sorted(Comparator.comparing(Choice::label)).toList();
        List<Choice> levels = java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(level -> new Choice(String.valueOf(level), t.get("case.options.level." + level))).toList();
        return new Filters(sectors, levels, text(lens.sector()), text(lens.level()));
    }

    private static Validation validation(CaseWorkspace.Overview overview, CaseWorkspace.Lens lens, String lang) {
        if (lens.target() == null || lens.target().isBlank() || overview.options() == null) {
            return null;
        }
        List<Choice> choices = overview.options().targetChoices() == null ? List.of()
                : overview.options().targetChoices().stream().map(choice -> new Choice(choice.id(), choice.title()))
                        .toList();
        CareerOptionView validated = overview.options().projectValidation();
        Project project = validated == null ? null : new Project(validated.occupation(), validated.title(),
                validated.fit().band(), validated.fit().label(), validated.fit().meaning(),
                validated.favourable().stream().map(CareerOptionView.Reason::text).toList(),
                validated.unfavourable().stream().map(CareerOptionView.Reason::text).toList(),
                validated.gaps().stream().map(gap -> new Gap(Competence.find(gap.competence())
                        .map(known -> known.label(lang)).orElse(gap.competence()), text(gap.check()), text(gap.close())))
                        .toList(),
                validated.steps() == null ? List.of() : validated.steps());
        return new Validation(lens.target().strip(), choices, project);
    }

    private static Kept kept(Syntheses.Document document, CasePhase phase) {
        if (document == null || document.synthesis() == null) {
            return new Kept(List.of(), false, document != null);
        }
        List<KeptOption> options = new ArrayList<>();
        for (Synthesis.Option option : document.synthesis().options()) {
            options.add(new KeptOption(options.size(), text(option.occupation()), text(option.title()),
                    text(option.reason())));
        }
        boolean editable = phase == CasePhase.CONCLUSION && (document.status().equals(Syntheses.DRAFT)
                || document.status().equals(Syntheses.CHANGES_REQUESTED));
        return new Kept(options, editable, true);
    }

    private static Result result(CaseViews.AdministrationView administration, BiFunction<String, String, String> titles,
            Function<String, String> people, Words words) {
        ScoreReport report = administration.report();
        List<ScaleLine> scales = report.scales() == null ? List.of() : report.scales().values().stream()
                .filter(ScaleLine::drawable).map(ScaleLine::of).toList();
        List<String> flags = report.flags() == null ? List.of() : report.flags().stream().map(Flag::message).toList();
        return new Result(administration.id(), "result-" + administration.id(),
                titles.apply(administration.instrument(), administration.version()),
                administration.instrument() + "@" + administration.version(), words.phase(administration.phase()),
                words.moment(administration.administeredAt()), people.apply(administration.administeredBy()), scales, flags,
                report.interpretation() == null ? List.of() : report.interpretation());
    }

    private static ProfileView profile(Profile profile, String lang, PageTexts t) {
        if (profile == null || profile.reports().isEmpty()) {
            return new ProfileView(true, "", List.of(), "", List.of(), List.of(), List.of(), List.of(),
                    missing(profile, t));
        }
        List<Synthesis.Level> interests = SynthesisDrafts.interests(profile, lang);
        List<Bar> values = SynthesisDrafts.valueLevels(profile, lang).stream().map(level -> bar(level, t)).toList();
        List<Bar> aptitudes = profile.aptitudes().stream()
                .filter(aptitude -> aptitude.raw() != null && aptitude.max() != null && aptitude.max() > 0)
                .map(aptitude -> new Bar(aptitude.label(),
                        (int) Math.round(100 * Math.max(0, Math.min(1, aptitude.raw() / aptitude.max()))),
                        ScaleLine.plain(aptitude.raw()) + " / " + ScaleLine.plain(aptitude.max()),
                        aptitude.band() == null ? "" : aptitude.band()))
                .toList();
        return new ProfileView(false, interests.isEmpty() ? "" : SynthesisHtml.hexagon(interests, lang),
                interests.stream().map(level -> bar(level, t)).toList(),
                profile.interests() == null || profile.interests().hollandCode() == null ? ""
                        : profile.interests().hollandCode(),
                values, competences(profile.strengths(), lang, t), competences(profile.potential(), lang, t), aptitudes,
                missing(profile, t));
    }

    private static List<String> missing(Profile profile, PageTexts t) {
        return profile == null || profile.missing() == null ? List.of() : profile.missing().stream()
                .map(part -> t.getOr("case.profile.missing." + part.part(), part.part())
                        + (part.instruments() == null || part.instruments().isEmpty() ? ""
                        : " — " + String.join(", ", part.instruments())))
                .toList();
    }

    private static Bar bar(Synthesis.Level level, PageTexts t) {
        int percent = (int) Math.round(level.level() * 100);
        return new Bar(level.label(), percent, t.format("case.percent", percent), level.note() == null ? "" : level.note());
    }

    private static List<CompetenceRow> competences(List<Profile.CompetenceAssessment> assessed, String lang,
            PageTexts t) {
        return assessed.stream().map(competence -> new CompetenceRow(
                        Competence.find(competence.competence()).map(known -> known.label(lang))
                                .orElse(competence.competence()),
                        competence.mastery().label(lang) + " (" + competence.mastery().step() + "/4)",
                        (int) Math.round(100 * competence.level()),
                        competence.evidence().stream().map(evidence -> evidence.instrument()
                                + (evidence.scale() == null ? "" : " · " + evidence.scale()) + " · "
                                + evidence.source().code() + " · " + t.format("case.percent", Math.round(100 * evidence.level()))
                                + (evidence.note() == null ? "" : " — " + evidence.note())).toList()))
                .toList();
    }

    private static OptionRow option(CareerOptionView option, String lang, boolean kept) {
        return new OptionRow(option.title(), option.fit().band(), option.fit().label(), option.fit().meaning(),
                option.favourable().stream().map(CareerOptionView.Reason::text).toList(),
                option.unfavourable().stream().map(CareerOptionView.Reason::text).toList(),
                option.gaps().stream().map(gap -> Competence.find(gap.competence()).map(known -> known.label(lang))
                        .orElse(gap.competence()) + (gap.check() == null ? "" : " — " + gap.check())).toList(),
                option.occupation(), text(option.sector()), kept);
    }

    private static SynthesisView synthesis(Syntheses.Document document, CasePhase phase, PageTexts t) {
        if (document == null) {
            return new SynthesisView("", t.get("case.synthesis.status.none"), 0, "", "",
                    phase == CasePhase.CONCLUSION, false, false);
        }
        boolean editable = document.status().equals(Syntheses.DRAFT)
                || document.status().equals(Syntheses.CHANGES_REQUESTED);
        return new SynthesisView(document.status(), t.get("case.synthesis.status." + document.status()),
                document.revision(), text(document.changeRequest()), text(document.digest()),
                phase == CasePhase.CONCLUSION && editable, document.status().equals(Syntheses.DRAFT), true);
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }

    /** A day as the page's language writes it. */
    static String day(LocalDate day, PageTexts t) {
        return new Words(t).day(day);
    }

    /** A moment as the page's language writes it, in UTC. */
    static String moment(OffsetDateTime at, PageTexts t) {
        return new Words(t).moment(at);
    }

    /** Phases, durations, days and moments in the page's language. */
    private record Words(PageTexts t) {

        String phase(String code) {
            return t.get("case.phase." + code);
        }

        /** A refusal of the rules of the phases, in the page's words when it has them. */
        String missing(ProblemDetails.Error error) {
            return t.getOr("case.missing." + error.code(), error.message());
        }

        String duration(int minutes) {
            return minutes % 60 == 0 ? t.format("case.hours.whole", minutes / 60)
                    : t.format("case.hours.minutes", minutes / 60, String.format(Locale.ROOT, "%02d", minutes % 60));
        }

        /** A day as people of the language write it: 20 nov. 2026, 20 Nov 2026 (never the American order). */
        String day(LocalDate day) {
            return day == null ? "" : day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(Locale.forLanguageTag(t.language().equals("en") ? "en-GB" : t.language())));
        }

        String moment(OffsetDateTime at) {
            if (at == null) {
                return "";
            }
            OffsetDateTime utc = at.withOffsetSameInstant(ZoneOffset.UTC);
            return day(utc.toLocalDate()) + " " + utc.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)) + " UTC";
        }
    }
}
