package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseChecks.error;
import static io.bilan.engine.cases.CaseChecks.text;

import io.bilan.api.report.ScoreReport;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.security.Caller;
import io.bilan.profile.ProfileBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The beneficiary's consents to share parts of the bilan with a third party, and the transmissions they allow:
 * nothing reaches anyone else without a consent that covers it and is not withdrawn.
 */
@ApplicationScoped
public class Consents {

    private final CaseAccess access;
    private final AuditTrail audit;
    private final Administrations administrations;
    private final Syntheses syntheses;
    private final Clock clock;

    Consents(CaseAccess access, AuditTrail audit, Administrations administrations, Syntheses syntheses, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.administrations = administrations;
        this.syntheses = syntheses;
        this.clock = clock;
    }

    @Transactional
    public CaseViews.ConsentView consent(String id, Caller caller, CaseViews.NewConsent request) {
        access.open(id, caller, Access.BENEFICIARY);
        if (request == null || request.recipient() == null || request.recipient().isBlank()
                || request.recipient().length() > 200) {
            throw InvalidRequestException.at("/recipient", "invalid-recipient", Texts.of("rule.invalid-recipient"));
        }
        if (request.shared() == null || request.shared().isEmpty()) {
            throw InvalidRequestException.at("/shared", "invalid-shared", Texts.of("rule.invalid-shared",
                    java.util.Arrays.stream(CaseViews.SharedPart.values()).map(CaseViews.SharedPart::code).toList()));
        }
        CaseConsent consent = new CaseConsent();
        consent.caseId = id;
        consent.recipient = request.recipient().strip();
        consent.shared = codes(request.shared());
        consent.purpose = request.purpose() == null ? null : text("/purpose", request.purpose(), "purpose");
        consent.givenBy = caller.name();
        consent.givenAt = OffsetDateTime.now(clock);
        consent.persist();
        audit.record(id, caller, "consent-given", consent.recipient + ": " + consent.shared);
        return view(consent);
    }

    @Transactional
    public CaseViews.ConsentView withdraw(String id, Caller caller, long consentId) {
        access.open(id, caller, Access.BENEFICIARY);
        CaseConsent consent = CaseConsent.inCase(id, consentId)
                .orElseThrow(() -> new CaseNotFoundException(id + "/consents/" + consentId));
        if (consent.withdrawnAt == null) {
            consent.withdrawnAt = OffsetDateTime.now(clock);
            audit.record(id, caller, "consent-withdrawn", consent.recipient);
        }
        return view(consent);
    }

    @Transactional
    public List<CaseViews.ConsentView> consents(String id, Caller caller) {
        access.open(id, caller, Access.MEMBER);
        return CaseConsent.ofCase(id).stream().map(Consents::view).toList();
    }

    /**
     * What the centre may hand a third party: only the parts the beneficiary consented to give that recipient, under
     * a consent not withdrawn. The transmission is recorded in the audit trail.
     */
    @Transactional
    public CaseViews.Transmission transmit(String id, Caller caller, CaseViews.NewTransmission request) {
        CaseRecord record = access.open(id, caller, Access.COUNSELLOR);
        if (request == null || request.consent() == null || request.parts() == null || request.parts().isEmpty()) {
            throw InvalidRequestException.at("/consent", "missing-field", Texts.of("rule.transmission-missing-field"));
        }
        CaseConsent consent = CaseConsent.inCase(id, request.consent()).orElseThrow(() -> CaseRuleException.of(
                "no-consent", Texts.of("rule.no-consent")));
        if (consent.withdrawnAt != null) {
            throw CaseRuleException.of("consent-withdrawn", Texts.of("rule.consent-withdrawn"));
        }
        List<String> consented = List.of(consent.shared.split(","));
        List<String> parts = request.parts().stream().map(CaseViews.SharedPart::code).toList();
        List<ProblemDetails.Error> refused = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (!consented.contains(parts.get(i))) {
                refused.add(error("/parts/" + i, "not-consented", Texts.of("rule.not-consented",
                        parts.get(i), consented)));
            }
        }
        if (!refused.isEmpty()) {
            throw new CaseRuleException(Texts.of("rule.parts-not-consented"), refused);
        }
        List<ScoreReport> reports = administrations.reports(id);
        audit.record(id, caller, "transmitted", consent.recipient + ": " + codes(request.parts()));
        return new CaseViews.Transmission(consent.recipient, consent.purpose, consent.id, consent.givenAt,
                parts.contains("synthesis") ? named(record.beneficiaryName, syntheses.approved(id)) : null,
                parts.contains("profile") ? ProfileBuilder.build(reports) : null,
                parts.contains("results") ? reports : null);
    }

    /** As stored and audited: {@code synthesis,profile}, each part once, in the order given. */
    private static String codes(List<CaseViews.SharedPart> parts) {
        return String.join(",", parts.stream().map(CaseViews.SharedPart::code).distinct().toList());
    }

    /**
     * The synthesis handed to a recipient the beneficiary chose: it names them, when the centre gave their name, so
     * that the recipient knows whose document it is.
     */
    private static io.bilan.synthesis.Synthesis named(String name, io.bilan.synthesis.Synthesis synthesis) {
        return name == null ? synthesis : Syntheses.named(name, synthesis);
    }

    static CaseViews.ConsentView view(CaseConsent consent) {
        return new CaseViews.ConsentView(consent.id, consent.recipient, List.of(consent.shared.split(",")),
                consent.purpose, consent.givenBy, consent.givenAt, consent.withdrawnAt);
    }
}
