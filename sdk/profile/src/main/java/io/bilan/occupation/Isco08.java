package io.bilan.occupation;

import static io.bilan.occupation.Sector.AGRICULTURE_ENVIRONMENT;
import static io.bilan.occupation.Sector.ARTS_MEDIA_CULTURE;
import static io.bilan.occupation.Sector.BUSINESS_ADMINISTRATION;
import static io.bilan.occupation.Sector.CONSTRUCTION;
import static io.bilan.occupation.Sector.CRAFTS_TRADES;
import static io.bilan.occupation.Sector.EDUCATION_TRAINING;
import static io.bilan.occupation.Sector.FINANCE_INSURANCE;
import static io.bilan.occupation.Sector.HEALTH;
import static io.bilan.occupation.Sector.HOSPITALITY_TOURISM;
import static io.bilan.occupation.Sector.INDUSTRY_PRODUCTION;
import static io.bilan.occupation.Sector.IT_DIGITAL;
import static io.bilan.occupation.Sector.LAW_JUSTICE;
import static io.bilan.occupation.Sector.PERSONAL_SERVICES;
import static io.bilan.occupation.Sector.PUBLIC_SAFETY;
import static io.bilan.occupation.Sector.RETAIL_SALES;
import static io.bilan.occupation.Sector.SCIENCE_ENGINEERING;
import static io.bilan.occupation.Sector.SOCIAL_CARE;
import static io.bilan.occupation.Sector.TRANSPORT_LOGISTICS;
import static java.util.Map.entry;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * ISCO-08, the International Labour Organization's International Standard Classification of Occupations, as Bilan
 * reads it: the sector and the preparation level of an occupation from its unit group (4 digits: major group,
 * sub-major group, minor group, unit group). The tables are Bilan's and are documented in docs/occupations.md.
 */
final class Isco08 {

    private static final Pattern UNIT_GROUP = Pattern.compile("[0-9]{4}");

    /**
     * The sector of each sub-major group (2 digits), with the minor (3) or unit (4 digits) groups that belong
     * elsewhere: the longest prefix of a unit group decides. Sub-major group 13, for instance, gathers production
     * managers of every industry, so its agriculture, construction, ICT, care and education managers go to their
     * own sectors.
     */
    private static final Map<String, Sector> SECTORS = Map.ofEntries(
            entry("01", PUBLIC_SAFETY), entry("02", PUBLIC_SAFETY), entry("03", PUBLIC_SAFETY),
            entry("11", BUSINESS_ADMINISTRATION),
            entry("12", BUSINESS_ADMINISTRATION),
            entry("13", INDUSTRY_PRODUCTION), entry("131", AGRICULTURE_ENVIRONMENT), entry("1323", CONSTRUCTION),
            entry("1324", TRANSPORT_LOGISTICS), entry("133", IT_DIGITAL), entry("134", SOCIAL_CARE),
            entry("1342", HEALTH), entry("1345", EDUCATION_TRAINING), entry("1346", FINANCE_INSURANCE),
            entry("1349", BUSINESS_ADMINISTRATION),
            entry("14", HOSPITALITY_TOURISM), entry("142", RETAIL_SALES), entry("143", PERSONAL_SERVICES),
            entry("21", SCIENCE_ENGINEERING), entry("2132", AGRICULTURE_ENVIRONMENT),
            entry("2133", AGRICULTURE_ENVIRONMENT), entry("2161", CONSTRUCTION), entry("2162", CONSTRUCTION),
            entry("2163", ARTS_MEDIA_CULTURE), entry("2166", ARTS_MEDIA_CULTURE),
            entry("22", HEALTH), entry("2263", SCIENCE_ENGINEERING),
            entry("23", EDUCATION_TRAINING),
            entry("24", BUSINESS_ADMINISTRATION), entry("241", FINANCE_INSURANCE), entry("2432", ARTS_MEDIA_CULTURE),
            entry("2433", RETAIL_SALES), entry("2434", RETAIL_SALES),
            entry("25", IT_DIGITAL),
            entry("26", ARTS_MEDIA_CULTURE), entry("261", LAW_JUSTICE), entry("2631", SCIENCE_ENGINEERING),
            entry("2632", SCIENCE_ENGINEERING), entry("2633", SCIENCE_ENGINEERING), entry("2634", HEALTH),
            entry("2635", SOCIAL_CARE), entry("2636", SOCIAL_CARE),
            entry("31", SCIENCE_ENGINEERING), entry("312", INDUSTRY_PRODUCTION), entry("3123", CONSTRUCTION),
            entry("313", INDUSTRY_PRODUCTION), entry("3132", AGRICULTURE_ENVIRONMENT),
            entry("3142", AGRICULTURE_ENVIRONMENT), entry("3143", AGRICULTURE_ENVIRONMENT),
            entry("315", TRANSPORT_LOGISTICS),
            entry("32", HEALTH), entry("3257", SCIENCE_ENGINEERING),
            entry("33", BUSINESS_ADMINISTRATION), entry("331", FINANCE_INSURANCE), entry("332", RETAIL_SALES),
            entry("3321", FINANCE_INSURANCE), entry("3331", TRANSPORT_LOGISTICS), entry("3334", RETAIL_SALES),
            entry("3342", LAW_JUSTICE), entry("3351", PUBLIC_SAFETY), entry("3355", PUBLIC_SAFETY),
            entry("34", ARTS_MEDIA_CULTURE), entry("3411", LAW_JUSTICE), entry("3412", SOCIAL_CARE),
            entry("3413", SOCIAL_CARE), entry("342", EDUCATION_TRAINING), entry("3434", HOSPITALITY_TOURISM),
            entry("35", IT_DIGITAL), entry("3521", ARTS_MEDIA_CULTURE),
            entry("41", BUSINESS_ADMINISTRATION),
            entry("42", BUSINESS_ADMINISTRATION), entry("421", FINANCE_INSURANCE), entry("4212", HOSPITALITY_TOURISM),
            entry("4221", HOSPITALITY_TOURISM), entry("4224", HOSPITALITY_TOURISM),
            entry("43", BUSINESS_ADMINISTRATION), entry("4311", FINANCE_INSURANCE), entry("4312", FINANCE_INSURANCE),
            entry("432", TRANSPORT_LOGISTICS), entry("4322", INDUSTRY_PRODUCTION),
            entry("44", BUSINESS_ADMINISTRATION), entry("4412", TRANSPORT_LOGISTICS),
            entry("51", PERSONAL_SERVICES), entry("511", HOSPITALITY_TOURISM), entry("5112", TRANSPORT_LOGISTICS),
            entry("512", HOSPITALITY_TOURISM), entry("513", HOSPITALITY_TOURISM), entry("514", CRAFTS_TRADES),
            entry("5165", EDUCATION_TRAINING),
            entry("52", RETAIL_SALES), entry("5246", HOSPITALITY_TOURISM),
            entry("53", SOCIAL_CARE), entry("5312", EDUCATION_TRAINING), entry("5321", HEALTH), entry("5329", HEALTH),
            entry("54", PUBLIC_SAFETY),
            entry("61", AGRICULTURE_ENVIRONMENT), entry("62", AGRICULTURE_ENVIRONMENT),
            entry("63", AGRICULTURE_ENVIRONMENT),
            entry("71", CONSTRUCTION),
            entry("72", INDUSTRY_PRODUCTION), entry("723", CRAFTS_TRADES), entry("7233", INDUSTRY_PRODUCTION),
            entry("73", CRAFTS_TRADES), entry("732", INDUSTRY_PRODUCTION),
            entry("74", CRAFTS_TRADES), entry("7411", CONSTRUCTION), entry("7413", CONSTRUCTION),
            entry("75", CRAFTS_TRADES), entry("754", INDUSTRY_PRODUCTION),
            entry("81", INDUSTRY_PRODUCTION), entry("82", INDUSTRY_PRODUCTION),
            entry("83", TRANSPORT_LOGISTICS), entry("8341", AGRICULTURE_ENVIRONMENT), entry("8342", CONSTRUCTION),
            entry("91", PERSONAL_SERVICES),
            entry("92", AGRICULTURE_ENVIRONMENT),
            entry("93", INDUSTRY_PRODUCTION), entry("931", CONSTRUCTION), entry("9311", INDUSTRY_PRODUCTION),
            entry("933", TRANSPORT_LOGISTICS), entry("9334", RETAIL_SALES),
            entry("94", HOSPITALITY_TOURISM),
            entry("95", RETAIL_SALES), entry("9510", PERSONAL_SERVICES),
            entry("96", PERSONAL_SERVICES), entry("961", AGRICULTURE_ENVIRONMENT), entry("9621", TRANSPORT_LOGISTICS));

    private Isco08() {
    }

    /** Whether {@code code} is an ISCO-08 unit group: four digits in one of the 43 sub-major groups. */
    static boolean isUnitGroup(String code) {
        return code != null && UNIT_GROUP.matcher(code).matches() && SECTORS.containsKey(code.substring(0, 2));
    }

    /** Checks a unit group, e.g. {@code 2221}; fails saying what is expected otherwise. */
    static String unitGroup(String code) {
        if (!isUnitGroup(code)) {
            throw new IllegalArgumentException("not an ISCO-08 unit group: \"" + code + "\" (expected 4 digits, e.g. 2221)");
        }
        return code;
    }

    /** The minor group (3 digits) of a unit group. */
    static String minorGroup(String unitGroup) {
        return unitGroup.substring(0, 3);
    }

    /** The sector of a unit group: that of its longest prefix in the table. */
    static Sector sector(String unitGroup) {
        unitGroup(unitGroup);
        for (int length = 4; length >= 2; length--) {
            Sector sector = SECTORS.get(unitGroup.substring(0, length));
            if (sector != null) {
                return sector;
            }
        }
        throw new IllegalStateException("every sub-major group has a sector: " + unitGroup);
    }

    /**
     * The least preparation the ISCO-08 skill level of a unit group's major group allows, on Bilan's scale of 1 to 5.
     * ISCO-08 gives skill level 4 (a bachelor's degree or more) to professionals and to most managers, 3 (short
     * higher education, such as a BTS) to technicians and associate professionals and to hospitality, retail and
     * services managers (sub-major group 14), 2 (secondary education, such as a CAP or a bac pro) to clerical,
     * service, agricultural, craft and machine-operating work, and 1 (primary education) to elementary occupations.
     * Armed forces officers are at 4, non-commissioned officers at 2, other ranks at 1. ISCO does not tell a master's
     * degree from a bachelor's, so Bilan's level 5 never comes from ISCO.
     */
    static int level(String unitGroup) {
        unitGroup(unitGroup);
        String subMajor = unitGroup.substring(0, 2);
        return switch (unitGroup.charAt(0)) {
            case '0' -> switch (subMajor) {
                case "01" -> 4;
                case "02" -> 2;
                default -> 1;
            };
            case '1' -> "14".equals(subMajor) ? 3 : 4;
            case '2' -> 4;
            case '3' -> 3;
            case '9' -> 1;
            default -> 2;
        };
    }
}
