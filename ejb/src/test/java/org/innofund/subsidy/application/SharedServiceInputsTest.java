package org.innofund.subsidy.application;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedServiceInputsTest {

    private static final Instant T = Instant.parse("2026-05-01T02:00:00Z");

    @Test
    void anInvoiceClaimedByAnEarlierSubmissionIsClaimedElsewhere() {
        List<SharedServiceInputs.Claim> claims = List.of(new SharedServiceInputs.Claim(7, T),
                new SharedServiceInputs.Claim(9, T.plusSeconds(60)));
        assertFalse(SharedServiceInputs.claimedBefore(claims, 7, T), "the first claim counts");
        assertTrue(SharedServiceInputs.claimedBefore(claims, 9, T.plusSeconds(60)), "the later one is the duplicate");
        assertTrue(SharedServiceInputs.claimedBefore(claims, 3, T.plusSeconds(1)), "another call's earlier claim");
    }

    @Test
    void atTheSameInstantTheLowerIdCameFirst() {
        List<SharedServiceInputs.Claim> claims = List.of(new SharedServiceInputs.Claim(4, T), new SharedServiceInputs.Claim(5, T));
        assertFalse(SharedServiceInputs.claimedBefore(claims, 4, T));
        assertTrue(SharedServiceInputs.claimedBefore(claims, 5, T));
    }

    @Test
    void onlyItsOwnClaimOrNoneIsNotClaimedElsewhere() {
        assertFalse(SharedServiceInputs.claimedBefore(List.of(new SharedServiceInputs.Claim(7, T)), 7, T));
        assertFalse(SharedServiceInputs.claimedBefore(null, 7, T));
        assertFalse(SharedServiceInputs.claimedBefore(List.of(new SharedServiceInputs.Claim(6, null)), 7, T),
                "a claim never submitted does not count");
    }

    @Test
    void theEnterpriseItselfOrTheSameControllerIsARelatedParty() {
        assertTrue(SharedServiceInputs.related("91110000802100433B", null, "91110000802100433B", "李四"));
        assertTrue(SharedServiceInputs.related("91110000802100433B", "张三", "914403001922038216", "张三"));
        assertFalse(SharedServiceInputs.related("91110000802100433B", "张三", "914403001922038216", "李四"));
        assertFalse(SharedServiceInputs.related("91110000802100433B", null, "914403001922038216", null),
                "no controller recorded: only the enterprise itself is related");
        assertFalse(SharedServiceInputs.related(null, null, "914403001922038216", "李四"));
    }
}
