package io.bilan.synthesis;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The synthesis document handed over at the end of a bilan de compétences and submitted to the beneficiary's
 * approval: the circumstances of the bilan, the competences and aptitudes relevant to the project, the factors
 * that favour or hinder it and the stages to carry it out. Every text is already in the document's language;
 * render it with {@link SynthesisHtml} or {@link SynthesisPdf}.
 *
 * <p>Levels are fractions from 0 to 1; the renderers choose the scale they are shown on. Lists are copied, and a
 * {@code null} list is taken as empty.
 *
 * @param language      {@code "fr"} or {@code "en"}: the language of the texts and of the headings the renderers add
 * @param beneficiary   who the bilan is for, and the centre that ran it
 * @param counsellors   the counsellors who ran the bilan, by name
 * @param startedOn     the first session
 * @param concludedOn   the conclusion session, or {@code null} while the bilan goes on; not before {@code startedOn}
 * @param hours         the hours of the bilan, 0 or more
 * @param circumstances why and how the bilan took place, written by the counsellor; {@code null} or blank until
 *                      written (the document then says so). Blank lines separate paragraphs
 * @param project       the career project validated, or {@code null} when none was
 * @param competences   the competences relevant to the project, each from 0 to 1
 * @param aptitudes     test results, each as a fraction of the test's maximum
 * @param interests     empty, or the six RIASEC areas in hexagon order (Realistic, Investigative, Artistic, Social,
 *                      Enterprising, Conventional), labelled in the document's language, each from 0 to 1
 * @param hollandCode   the Holland code, e.g. {@code "SAE"}, or {@code null}
 * @param values        the six work values, each from 0 to 1
 * @param favourable    the factors that favour the project, one sentence each
 * @param unfavourable  the factors that hinder it, one sentence each
 * @param roadmap       the stages to carry the project out, in order
 * @param options       the possible futures the counsellor retained with the beneficiary, each with the reason
 * @param conclusion    the closing words of counsellor and beneficiary, or {@code null}; blank lines separate
 *                      paragraphs
 * @param approval      the beneficiary's approval, or {@code null} while the document is a draft
 * @param handover      what the centre adds to the document it hands over — its identity, who signs, the methods
 *                      and sessions of the bilan, what was not assessed — or {@code null} in documents drafted
 *                      before it was part of them
 */
public record Synthesis(String language, Beneficiary beneficiary, List<String> counsellors,
        LocalDate startedOn, LocalDate concludedOn, double hours,
        String circumstances,
        Project project,
        List<Level> competences,
        List<Level> aptitudes,
        List<Level> interests,
        String hollandCode,
        List<Level> values,
        List<String> favourable, List<String> unfavourable,
        List<Step> roadmap,
        List<Option> options,
        String conclusion,
        Approval approval,
        Handover handover) {

    /** The languages a synthesis can be written in. */
    public static final List<String> LANGUAGES = List.of("fr", "en");

    public Synthesis {
        if (language == null || !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be one of " + LANGUAGES + ", not " + language);
        }
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(startedOn, "startedOn");
        if (concludedOn != null && concludedOn.isBefore(startedOn)) {
            throw new IllegalArgumentException("concludedOn " + concludedOn + " is before startedOn " + startedOn);
        }
        if (!(hours >= 0) || Double.isInfinite(hours)) {
            throw new IllegalArgumentException("hours must be 0 or more, not " + hours);
        }
        counsellors = copy(counsellors);
        competences = copy(competences);
        aptitudes = copy(aptitudes);
        interests = copy(interests);
        // The hexagon needs every area: a partial interest profile would draw a misleading shape.
        if (!interests.isEmpty() && interests.size() != 6) {
            throw new IllegalArgumentException("interests must be empty or the six RIASEC areas, not " + interests.size());
        }
        values = copy(values);
        favourable = copy(favourable);
        unfavourable = copy(unfavourable);
        roadmap = copy(roadmap);
        options = copy(options);
    }

    /** A synthesis without the centre's handover part. */
    public Synthesis(String language, Beneficiary beneficiary, List<String> counsellors, LocalDate startedOn,
            LocalDate concludedOn, double hours, String circumstances, Project project, List<Level> competences,
            List<Level> aptitudes, List<Level> interests, String hollandCode, List<Level> values,
            List<String> favourable, List<String> unfavourable, List<Step> roadmap, List<Option> options,
            String conclusion, Approval approval) {
        this(language, beneficiary, counsellors, startedOn, concludedOn, hours, circumstances, project, competences,
                aptitudes, interests, hollandCode, values, favourable, unfavourable, roadmap, options, conclusion,
                approval, null);
    }

    /** This synthesis with {@code beneficiary} as its beneficiary: the name a given reader may see. */
    public Synthesis withBeneficiary(Beneficiary beneficiary) {
        return new Synthesis(language, beneficiary, counsellors, startedOn, concludedOn, hours, circumstances, project,
                competences, aptitudes, interests, hollandCode, values, favourable, unfavourable, roadmap, options,
                conclusion, approval, handover);
    }

    /** This synthesis with {@code approval}. */
    public Synthesis withApproval(Approval approval) {
        return new Synthesis(language, beneficiary, counsellors, startedOn, concludedOn, hours, circumstances, project,
                competences, aptitudes, interests, hollandCode, values, favourable, unfavourable, roadmap, options,
                conclusion, approval, handover);
    }

    /** Whether the beneficiary has approved the document. */
    public boolean approved() {
        return approval != null;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static double fraction(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be within 0..1, not " + value);
        }
        return value;
    }

    static String required(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text;
    }

    /**
     * The person the bilan is for.
     *
     * @param name   the beneficiary's name, as it is printed
     * @param centre the centre that ran the bilan, or {@code null}
     */
    public record Beneficiary(String name, String centre) {
        public Beneficiary {
            required("beneficiary name", name);
        }
    }

    /**
     * The career project validated during the bilan.
     *
     * @param title  the project, e.g. an occupation
     * @param sector the sector it belongs to, or {@code null}
     * @param fit    how well the person's profile fits it, as a band in words (e.g. "bonne : plusieurs éléments du
     *               profil vont dans ce sens"), never a percentage; {@code null} when it is not shown
     */
    public record Project(String title, String sector, String fit) {
        public Project {
            required("project title", title);
        }
    }

    /**
     * One measured or observed quality: a competence, an aptitude, an interest area or a work value.
     *
     * @param label what is measured, in the document's language
     * @param level from 0 to 1
     * @param note  a short remark shown beside the level, e.g. a band or {@code "observed"}; {@code null} when none
     */
    public record Level(String label, double level, String note) {
        public Level {
            required("level label", label);
            fraction("level of " + label, level);
        }
    }

    /**
     * One stage of the roadmap.
     *
     * @param title  what to do
     * @param detail how, when or with whom; {@code null} when the title says it all
     */
    public record Step(String title, String detail) {
        public Step {
            required("step title", title);
        }
    }

    /**
     * A possible future the counsellor retained with the beneficiary, and why.
     *
     * @param occupation the occupation's id in the catalogue, or {@code null} for an option outside it (a training,
     *                   a sector, a business to start)
     * @param title      the option, e.g. an occupation or a training
     * @param sector     the sector it belongs to, or {@code null}
     * @param reason     why it was retained, in the counsellor's words; {@code null} in documents drafted before
     *                   options were chosen by the counsellor
     * @param fit        how well the person's profile fits it, as a band in words, never a percentage; {@code null}
     *                   when it is not shown
     */
    public record Option(String occupation, String title, String sector, String reason, String fit) {
        public Option {
            required("option title", title);
        }

        /** An option with its fit band and no reason, as the matcher ranks it. */
        public Option(String title, String sector, String fit) {
            this(null, title, sector, null, fit);
        }
    }

    /**
     * The beneficiary's approval of the document.
     *
     * @param on     the day it was approved
     * @param by     who approved it, as printed
     * @param digest the SHA-256 digest of the approved document's JSON, written {@code sha256:<hex>}
     */
    public record Approval(LocalDate on, String by, String digest) {
        public Approval {
            Objects.requireNonNull(on, "approval date");
            required("approved by", by);
            if (digest == null || !digest.startsWith("sha256:")) {
                throw new IllegalArgumentException("digest must be written sha256:<hex>, not " + digest);
            }
        }
    }

    /**
     * What a centre adds to the synthesis it hands over, besides the results: who the centre is and who signs, how
     * the bilan was run, and what it did not cover. The renderers add the statement on confidentiality and on the
     * ownership of the results themselves, in the document's language.
     *
     * @param centre      the centre's legal identity, or {@code null} when the centre has not set it
     * @param signatories the counsellors who sign the document, each with a signature block
     * @param methods     the instruments and methods used, with their dates
     * @param sessions    the sessions held, with their durations
     * @param notAssessed what the bilan did not assess, one sentence each
     */
    public record Handover(Centre centre, List<Signatory> signatories, List<Method> methods, List<Session> sessions,
            List<String> notAssessed) {
        public Handover {
            signatories = copy(signatories);
            methods = copy(methods);
            sessions = copy(sessions);
            notAssessed = copy(notAssessed);
        }

        /** This handover with {@code notAssessed} instead of its own. */
        public Handover withNotAssessed(List<String> notAssessed) {
            return new Handover(centre, signatories, methods, sessions, notAssessed);
        }
    }

    /**
     * The legal identity of the centre that ran the bilan.
     *
     * @param name              its name, as registered
     * @param address           its postal address; lines separated by line breaks; {@code null} when not given
     * @param declarationNumber its declaration of activity as a training body (numéro de déclaration d'activité), or
     *                          {@code null}
     * @param certification     its quality certification, e.g. Qualiopi with the certificate's reference, or
     *                          {@code null}
     */
    public record Centre(String name, String address, String declarationNumber, String certification) {
        public Centre {
            required("centre name", name);
        }
    }

    /**
     * A counsellor who signs the document.
     *
     * @param name     their name, as printed
     * @param function their function, e.g. "Conseillère en bilan de compétences", or {@code null}
     */
    public record Signatory(String name, String function) {
        public Signatory {
            required("signatory name", name);
        }
    }

    /**
     * An instrument or method used during the bilan.
     *
     * @param title     its title, in the document's language
     * @param reference what identifies it exactly, e.g. {@code riasec-interests@1.2.0}, or {@code null}
     * @param firstOn   the first day it was used
     * @param lastOn    the last day it was used, not before {@code firstOn}
     */
    public record Method(String title, String reference, LocalDate firstOn, LocalDate lastOn) {
        public Method {
            required("method title", title);
            Objects.requireNonNull(firstOn, "firstOn");
            Objects.requireNonNull(lastOn, "lastOn");
            if (lastOn.isBefore(firstOn)) {
                throw new IllegalArgumentException("lastOn " + lastOn + " is before firstOn " + firstOn);
            }
        }
    }

    /**
     * A session held with the beneficiary.
     *
     * @param on      the day it was held
     * @param minutes how long it lasted, 1 or more
     * @param phase   the phase of the bilan it belongs to, in the document's language, or {@code null}
     */
    public record Session(LocalDate on, int minutes, String phase) {
        public Session {
            Objects.requireNonNull(on, "session date");
            if (minutes < 1) {
                throw new IllegalArgumentException("a session lasts 1 minute or more, not " + minutes);
            }
        }
    }
}
