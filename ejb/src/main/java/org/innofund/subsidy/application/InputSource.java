package org.innofund.subsidy.application;

import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.program.domain.FundingCall;

import java.time.Instant;
import java.util.List;

/**
 * Where a calculation run finds its enterprises and their inputs (ISSUE-12): the declarations of a call with the
 * agency's verified figures, the figures the bureau imported and the enterprise confirmed (免申即享), the projects of a
 * PRE_APPROVED call. Each source answers for the calls it knows; a run takes the candidates of all of them. One CDI
 * bean per source, so that a new source is one new class.
 */
public interface InputSource {

    /** The enterprises of the call this source knows, with their inputs as of now. Empty if the call is not its kind. */
    List<Candidate> candidates(FundingCall call);

    /**
     * One enterprise in a run: its ids, its USCC, its actual controller (null if not recorded; SHARED_SERVICE's
     * controller cap), when it declared or confirmed (the order a binding controller cap serves), its inputs, and
     * where the candidate came from (declaration id or import row id: the line links back to it).
     */
    record Candidate(long enterpriseId, String uscc, String controller, Instant submittedAt, KindInputs inputs,
                     String origin) {
    }
}
