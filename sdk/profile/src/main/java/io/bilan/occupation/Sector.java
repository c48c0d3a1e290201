package io.bilan.occupation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** The sectors occupations are grouped into, with the O*NET-SOC major groups each one takes in imports. */
public enum Sector {
    AGRICULTURE_ENVIRONMENT("agriculture-environment", "Agriculture, nature et environnement",
            "Agriculture, nature and environment", "45"),
    CONSTRUCTION("construction", "Bâtiment et travaux publics", "Construction", "47"),
    INDUSTRY_PRODUCTION("industry-production", "Industrie et production", "Manufacturing and production", "51"),
    CRAFTS_TRADES("crafts-trades", "Artisanat, installation et maintenance", "Crafts, installation and maintenance",
            "49"),
    TRANSPORT_LOGISTICS("transport-logistics", "Transport et logistique", "Transport and logistics", "53"),
    SCIENCE_ENGINEERING("science-engineering", "Sciences, recherche et ingénierie",
            "Science, research and engineering", "17", "19"),
    RETAIL_SALES("retail-sales", "Commerce et vente", "Retail and sales", "41"),
    HOSPITALITY_TOURISM("hospitality-tourism", "Hôtellerie, restauration et tourisme",
            "Hospitality, food service and tourism", "35"),
    HEALTH("health", "Santé", "Health", "29", "31"),
    SOCIAL_CARE("social-care", "Social et accompagnement", "Social work and care", "21"),
    PERSONAL_SERVICES("personal-services", "Services aux particuliers et entretien",
            "Personal services and cleaning", "37", "39"),
    EDUCATION_TRAINING("education-training", "Enseignement et formation", "Education and training", "25"),
    BUSINESS_ADMINISTRATION("business-administration", "Gestion, administration et management",
            "Business, administration and management", "11", "13", "43"),
    FINANCE_INSURANCE("finance-insurance", "Banque, finance et assurance", "Banking, finance and insurance"),
    IT_DIGITAL("it-digital", "Informatique et numérique", "IT and digital", "15"),
    ARTS_MEDIA_CULTURE("arts-media-culture", "Arts, culture, communication et médias",
            "Arts, culture, communication and media", "27"),
    PUBLIC_SAFETY("public-safety", "Sécurité, défense et secours", "Public safety, defence and rescue", "33", "55"),
    LAW_JUSTICE("law-justice", "Droit et justice", "Law and justice", "23");

    private final String id;
    private final String labelFr;
    private final String labelEn;
    private final List<String> onetMajorGroups;

    Sector(String id, String labelFr, String labelEn, String... onetMajorGroups) {
        this.id = id;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
        this.onetMajorGroups = List.of(onetMajorGroups);
    }

    /** The stable id, e.g. {@code health}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The name in {@code language} ({@code fr}, else English). */
    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }

    /** The sector of an id; fails with the list of ids otherwise. */
    @JsonCreator
    public static Sector of(String id) {
        for (Sector sector : values()) {
            if (sector.id.equals(id)) {
                return sector;
            }
        }
        throw new IllegalArgumentException("unknown sector \"" + id + "\"; known: "
                + java.util.Arrays.stream(values()).map(Sector::id).toList());
    }

    /**
     * The sector of an O*NET-SOC code by its major group (the first two digits): management and business
     * operations go to business-administration, for instance. O*NET has no finance group of its own: its
     * financial occupations sit in group 13 with business operations.
     */
    public static Sector ofOnetCode(String socCode) {
        String group = socCode.length() >= 2 ? socCode.substring(0, 2) : "";
        for (Sector sector : values()) {
            if (sector.onetMajorGroups.contains(group)) {
                return sector;
            }
        }
        throw new IllegalArgumentException("no sector for O*NET-SOC code " + socCode);
    }
}
