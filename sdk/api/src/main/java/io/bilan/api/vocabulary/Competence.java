package io.bilan.api.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bilan's built-in framework of transversal competences: the competences that carry from one occupation
 * to another, which instruments give evidence of and occupations require. Ids are stable; where ESCO
 * (European Skills, Competences, Qualifications and Occupations, v1.2) has a matching transversal skill,
 * its URI is given so results can be exchanged with ESCO-based systems. Packages may also cite other ESCO
 * skill URIs directly.
 */
public enum Competence {
    PUBLIC_SPEAKING("public-speaking", Cluster.COMMUNICATION,
            "Prendre la parole en public", "Speaking in public",
            "Présenter des idées de façon structurée devant un groupe, pour informer ou convaincre.",
            "Presenting ideas in a structured way to a group, to inform or persuade.",
            "609a8ac1-9d29-4237-9886-596dbbe7ca8a"),
    WRITTEN_COMMUNICATION("written-communication", Cluster.COMMUNICATION,
            "Communiquer par écrit", "Written communication",
            "Rédiger des messages, comptes rendus ou documents clairs et adaptés à leurs lecteurs.",
            "Writing messages, reports or documents that are clear and suited to their readers.",
            null),
    ACTIVE_LISTENING("active-listening", Cluster.COMMUNICATION,
            "Écouter activement", "Active listening",
            "Accorder toute son attention à l'autre, reformuler, poser des questions pour bien comprendre.",
            "Giving others full attention, rephrasing and asking questions to understand them well.",
            null),
    PERSUASION("persuasion", Cluster.COMMUNICATION,
            "Convaincre", "Persuading",
            "Présenter une idée, un produit ou un service de façon à emporter l'adhésion.",
            "Presenting an idea, a product or a service so that others come round to it.",
            "df5e3d02-9f0f-44ee-91c2-85c62f161868"),
    INSTRUCTING_OTHERS("instructing-others", Cluster.COMMUNICATION,
            "Transmettre ses savoirs", "Instructing others",
            "Expliquer, montrer et accompagner pour que d'autres apprennent un savoir-faire.",
            "Explaining, showing and guiding so that others learn how to do something.",
            "699e7c26-6502-4e78-a823-3656ff5a5b8b"),
    EMPATHY("empathy", Cluster.RELATIONS,
            "Faire preuve d'empathie", "Empathy",
            "Percevoir ce que ressentent les autres et en tenir compte dans sa façon d'agir.",
            "Sensing what others feel and taking it into account in how one acts.",
            "77b636e8-fab3-41a8-8022-1e0a354059dc"),
    TEAMWORK("teamwork", Cluster.RELATIONS,
            "Travailler en équipe", "Teamwork",
            "Coopérer avec d'autres, chacun faisant sa part au service d'un objectif commun.",
            "Cooperating with others, each doing their part towards a shared goal.",
            "60c78287-22eb-4103-9c8c-28deaa460da0"),
    CONFLICT_RESOLUTION("conflict-resolution", Cluster.RELATIONS,
            "Gérer les conflits", "Resolving conflicts",
            "Apaiser une situation tendue et aider les parties à trouver une issue acceptable.",
            "Calming a tense situation and helping the parties reach an acceptable way out.",
            "96de2e86-e287-41f2-88ab-15a2343afc6f"),
    NEGOTIATION("negotiation", Cluster.RELATIONS,
            "Négocier", "Negotiating",
            "Rechercher un accord qui tienne compte de ses intérêts et de ceux des autres.",
            "Seeking an agreement that respects one's own interests and those of others.",
            "7954861c-86d4-4529-afbb-2c23dab9ac74"),
    NETWORKING("networking", Cluster.RELATIONS,
            "Développer son réseau", "Networking",
            "Créer et entretenir des relations professionnelles utiles, échanger des informations.",
            "Building and keeping useful working relationships and exchanging information.",
            "bf983f2a-e941-4646-811d-cc81060cb53f"),
    CUSTOMER_ORIENTATION("customer-orientation", Cluster.RELATIONS,
            "Avoir le sens du service", "Customer orientation",
            "Comprendre les besoins d'un client ou d'un usager et y répondre avec soin.",
            "Understanding the needs of a customer or user and meeting them with care.",
            null),
    LEADERSHIP("leadership", Cluster.ORGANISATION,
            "Animer et diriger", "Leading others",
            "Guider un groupe vers un objectif commun, donner une direction, motiver.",
            "Guiding a group towards a common goal, giving direction and motivating.",
            "75d8e5d9-bef3-418b-9011-01bff9f27207"),
    ORGANISATION("organisation", Cluster.ORGANISATION,
            "S'organiser", "Planning and organising",
            "Planifier ses tâches, gérer son temps et ses ressources pour tenir les délais.",
            "Planning one's tasks and managing time and resources to meet deadlines.",
            "e49f4158-9d4c-425d-bf32-dfe89b19840a"),
    DECISION_MAKING("decision-making", Cluster.ORGANISATION,
            "Prendre des décisions", "Making decisions",
            "Choisir entre plusieurs possibilités en pesant leurs conséquences, et s'y tenir.",
            "Choosing between options after weighing their consequences, and following through.",
            "d62d2b4c-a6f8-439e-8a1b-4f29ab5f2c47"),
    ATTENTION_TO_DETAIL("attention-to-detail", Cluster.ORGANISATION,
            "Être rigoureux", "Attention to detail",
            "Accomplir une tâche avec précision, sans négliger les petits éléments.",
            "Carrying out a task precisely, without overlooking small things.",
            "83e6510b-ffeb-4aec-959c-4265fd0ff7b7"),
    PROBLEM_SOLVING("problem-solving", Cluster.THINKING,
            "Résoudre des problèmes", "Solving problems",
            "Repérer un problème, en chercher les causes et trouver une solution qui fonctionne.",
            "Spotting a problem, looking for its causes and finding a solution that works.",
            "adc6dc11-3376-467b-96c5-9b0a21edc869"),
    ANALYTICAL_THINKING("analytical-thinking", Cluster.THINKING,
            "Raisonner avec logique", "Analytical thinking",
            "Décomposer une situation, raisonner pas à pas et comparer des solutions.",
            "Breaking a situation down, reasoning step by step and comparing solutions.",
            "4707da90-9cfc-46ca-8de0-38a0b7bfb137"),
    CRITICAL_THINKING("critical-thinking", Cluster.THINKING,
            "Avoir l'esprit critique", "Critical thinking",
            "Évaluer la fiabilité d'une information et fonder son jugement sur des faits.",
            "Judging how reliable information is and basing one's judgement on facts.",
            "7dd94ad3-13d6-43fe-8b94-51fcbf67ced9"),
    CREATIVITY("creativity", Cluster.THINKING,
            "Être créatif", "Creativity",
            "Imaginer des idées nouvelles ou combiner des idées existantes de façon originale.",
            "Coming up with new ideas or combining existing ones in original ways.",
            "c624c6a3-b0ba-4a31-a296-0d433fe47e41"),
    NUMERACY("numeracy", Cluster.THINKING,
            "Utiliser les chiffres", "Numeracy",
            "Comprendre des données chiffrées et faire les calculs que demande le travail.",
            "Understanding figures and doing the calculations the work requires.",
            "6fc6f757-6baa-49fe-9a82-6ba6a52f2e13"),
    DIGITAL_SKILLS("digital-skills", Cluster.THINKING,
            "Utiliser les outils numériques", "Digital skills",
            "Se servir des outils numériques courants pour chercher, produire et partager de l'information.",
            "Using everyday digital tools to find, produce and share information.",
            null),
    ADAPTABILITY("adaptability", Cluster.SELF_MANAGEMENT,
            "S'adapter au changement", "Adaptability",
            "Ajuster sa façon de faire quand la situation, les outils ou les équipes changent.",
            "Adjusting how one works when the situation, the tools or the team change.",
            "49de9958-2aa4-4eef-a89d-fe5d5bcd28c4"),
    STRESS_MANAGEMENT("stress-management", Cluster.SELF_MANAGEMENT,
            "Gérer la pression", "Handling pressure",
            "Garder ses moyens face à la pression, aux imprévus et aux difficultés.",
            "Staying effective under pressure, in the face of the unexpected and of setbacks.",
            "7a147904-22b3-498a-b4d9-7bceeb86b45d"),
    AUTONOMY("autonomy", Cluster.SELF_MANAGEMENT,
            "Travailler en autonomie", "Working independently",
            "Avancer seul, avec peu de consignes, en sachant quand demander de l'aide.",
            "Making progress alone, with few instructions, knowing when to ask for help.",
            "c29aa9d2-4da8-4bdd-831c-8d4a2fb51730"),
    INITIATIVE("initiative", Cluster.SELF_MANAGEMENT,
            "Prendre des initiatives", "Taking initiative",
            "Agir sans attendre qu'on le demande et proposer des améliorations.",
            "Acting without waiting to be asked and suggesting improvements.",
            "001115fb-569f-4ee6-8381-c6807ef2527f"),
    RELIABILITY("reliability", Cluster.SELF_MANAGEMENT,
            "Tenir ses engagements", "Reliability",
            "Faire ce qui a été promis, dans les délais et avec constance.",
            "Doing what was promised, on time and consistently.",
            "113b4428-0a31-4199-8496-070af7854b91"),
    LEARNING_TO_LEARN("learning-to-learn", Cluster.SELF_MANAGEMENT,
            "Apprendre à apprendre", "Learning to learn",
            "Vouloir apprendre, savoir comment on apprend et organiser ses apprentissages.",
            "Wanting to learn, knowing how one learns best and organising one's learning.",
            "9bf266a6-188b-4d17-a22f-2f266d76832b");

    /** The prefix of every ESCO skill URI. */
    public static final String ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/";

    private static final Map<String, Competence> BY_ID = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(Competence::id, Function.identity()));

    private final String id;
    private final Cluster cluster;
    private final String labelFr;
    private final String labelEn;
    private final String descriptionFr;
    private final String descriptionEn;
    private final String escoUri;

    Competence(String id, Cluster cluster, String labelFr, String labelEn, String descriptionFr, String descriptionEn,
            String escoUuid) {
        this.id = id;
        this.cluster = cluster;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
        this.descriptionFr = descriptionFr;
        this.descriptionEn = descriptionEn;
        this.escoUri = escoUuid == null ? null : ESCO_SKILL_PREFIX + escoUuid;
    }

    /** The stable id used in manifests, reports and the API, e.g. {@code active-listening}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The family the competence belongs to. */
    public Cluster cluster() {
        return cluster;
    }

    /** The short name in {@code language} ({@code fr}; anything else gives English). */
    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }

    /** One sentence saying what the competence is, in {@code language} ({@code fr}, else English). */
    public String description(String language) {
        return "fr".equals(language) ? descriptionFr : descriptionEn;
    }

    /** The URI of the matching ESCO transversal skill, if ESCO has one. */
    public Optional<String> escoUri() {
        return Optional.ofNullable(escoUri);
    }

    /** The competence with this id or this ESCO URI. */
    public static Optional<Competence> find(String idOrEscoUri) {
        if (idOrEscoUri == null) {
            return Optional.empty();
        }
        Competence byId = BY_ID.get(idOrEscoUri);
        if (byId != null) {
            return Optional.of(byId);
        }
        return Stream.of(values()).filter(c -> idOrEscoUri.equals(c.escoUri)).findFirst();
    }

    /** The competence with this id; fails with the list of known ids otherwise. */
    @JsonCreator
    public static Competence of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "not a competence of the framework: " + id + " (known: " + BY_ID.keySet() + ")"));
    }

    /**
     * Whether a manifest or a script may cite {@code target} as a competence: an id of this framework, or
     * any ESCO skill URI.
     */
    public static boolean isCitable(String target) {
        return target != null && (BY_ID.containsKey(target) || isEscoSkillUri(target));
    }

    /** Whether {@code uri} has the form of an ESCO skill URI. */
    public static boolean isEscoSkillUri(String uri) {
        return uri != null && uri.startsWith(ESCO_SKILL_PREFIX) && uri.length() > ESCO_SKILL_PREFIX.length()
                && uri.substring(ESCO_SKILL_PREFIX.length()).chars()
                        .allMatch(c -> c == '-' || Character.isLetterOrDigit(c) && c < 128);
    }

    @Override
    public String toString() {
        return id;
    }

    /** The families of the framework, in the order they are presented. */
    public enum Cluster {
        COMMUNICATION("communication", "Communication", "Communication"),
        RELATIONS("relations", "Relations avec les autres", "Working with others"),
        ORGANISATION("organisation", "Organisation et pilotage", "Organising and leading"),
        THINKING("thinking", "Réflexion et résolution de problèmes", "Thinking and problem solving"),
        SELF_MANAGEMENT("self-management", "Gestion de soi", "Managing oneself");

        private final String id;
        private final String labelFr;
        private final String labelEn;

        Cluster(String id, String labelFr, String labelEn) {
            this.id = id;
            this.labelFr = labelFr;
            this.labelEn = labelEn;
        }

        /** The stable id, e.g. {@code self-management}. */
        @JsonValue
        public String id() {
            return id;
        }

        /** The name in {@code language} ({@code fr}, else English). */
        public String label(String language) {
            return "fr".equals(language) ? labelFr : labelEn;
        }

        @Override
        public String toString() {
            return id.toLowerCase(Locale.ROOT);
        }
    }
}
