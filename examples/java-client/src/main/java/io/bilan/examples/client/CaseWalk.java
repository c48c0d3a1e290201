package io.bilan.examples.client;

import io.bilan.client.ApiClient;
import io.bilan.client.ApiResponse;
import io.bilan.client.api.CasesApi;
import io.bilan.client.model.AdministrationView;
import io.bilan.client.model.AuditView;
import io.bilan.client.model.BeneficiaryKey;
import io.bilan.client.model.CasePhase;
import io.bilan.client.model.CaseView;
import io.bilan.client.model.Decision;
import io.bilan.client.model.Demand;
import io.bilan.client.model.FitDecision;
import io.bilan.client.model.NewAdministration;
import io.bilan.client.model.NewCase;
import io.bilan.client.model.ResponseSet;
import io.bilan.client.model.Transition;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bilan from its opening to the synthesis PDF, as a centre's software runs it with the generated client: open the
 * case, record the demand and the fit, both sign the contract (the beneficiary with the key the case issues), store
 * an administration of the investigation, move to the conclusion, draft the synthesis and fetch its PDF; then read
 * the case's audit trail a page at a time, following the {@code Link} header as any list that grows is read.
 */
public final class CaseWalk {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final URI engine;
    private final CasesApi counsellor;

    /** A walk on the engine at {@code engine}, as the counsellor whose key is {@code counsellorKey}. */
    public CaseWalk(URI engine, String counsellorKey) {
        this.engine = engine;
        this.counsellor = new CasesApi(Clients.api(engine, counsellorKey));
    }

    /** What the walk left: the case, its administration, and where the PDF was written. */
    public record Walked(CaseView opened, AdministrationView administration, CaseView concluded, Path pdf,
            List<AuditView> trail) {
    }

    /**
     * Walks a case for {@code beneficiary}, storing {@code responses} to {@code instrument} (an instrument of the
     * investigation phase), and writes the synthesis draft's PDF to {@code pdf}.
     */
    public Walked walk(String beneficiary, String instrument, ResponseSet responses, Path pdf)
            throws ScoringProblem, IOException {
        CaseView opened = Clients.call(() -> counsellor.openCase(new NewCase().beneficiary(beneficiary), null));
        String id = opened.getId();
        Clients.call(() -> counsellor.recordDemand(id, new Demand().demand("Faire le point avant une reconversion")));
        Clients.call(() -> counsellor.decideFit(id, new FitDecision().decision(Decision.FIT)));
        BeneficiaryKey key = Clients.call(() -> counsellor.issueBeneficiaryKey(id));
        ApiClient asBeneficiary = Clients.api(engine, key.getKey());
        Clients.call(() -> new CasesApi(asBeneficiary).signContract(id));
        Clients.call(() -> counsellor.signContract(id));
        Clients.call(() -> counsellor.changePhase(id, new Transition().to(CasePhase.INVESTIGATION)));
        AdministrationView administration = Clients.call(() -> counsellor.storeAdministration(id,
                new NewAdministration().instrument(instrument).version("latest").responses(responses).lang("fr"), null));
        CaseView concluded = Clients.call(() -> counsellor.changePhase(id, new Transition().to(CasePhase.CONCLUSION)));
        Clients.call(() -> counsellor.draftSynthesis(id, null, "fr", null));
        File document = Clients.call(() -> counsellor.getSynthesisPdf(id));
        Path written = Files.move(document.toPath(), pdf, StandardCopyOption.REPLACE_EXISTING);
        return new Walked(opened, administration, concluded, written, auditTrail(id, 5));
    }

    /** The whole audit trail of a case, read {@code limit} entries at a time. */
    public List<AuditView> auditTrail(String caseId, int limit) throws ScoringProblem {
        List<AuditView> trail = new ArrayList<>();
        String cursor = null;
        do {
            String from = cursor;
            ApiResponse<List<AuditView>> page = Clients.call(() -> counsellor.getAuditTrailWithHttpInfo(caseId, from,
                    limit));
            trail.addAll(page.getData());
            cursor = nextCursor(page.getHeaders().getOrDefault("Link", List.of()));
        } while (cursor != null);
        return trail;
    }

    /** The cursor of the next page, from a {@code Link: <...cursor=...>; rel="next"} header; null on the last page. */
    static String nextCursor(List<String> links) {
        for (String link : links) {
            Matcher next = NEXT.matcher(link);
            if (next.find()) {
                String query = URI.create(next.group(1)).getRawQuery();
                for (String parameter : query.split("&")) {
                    if (parameter.startsWith("cursor=")) {
                        return URLDecoder.decode(parameter.substring("cursor=".length()), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return null;
    }
}
