package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's clock moved forward by a test (the tests' domain sets innofund.test-clock): a deadline passes end
 * to end without sleeping. Each test puts the clock back, so that no other test class sees it moved.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerClockIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.product();
    }

    private final Http http = new Http();

    private HttpResponse<String> moveClock(String offset) {
        return http.putJson("api/v1/test/clock", "{\"offset\":\"" + offset + "\"}",
                Http.bearer(http.token("admin", TestData.DEMO_PASSWORD)));
    }

    @AfterEach
    void putTheClockBack() {
        HttpResponse<String> back = moveClock("PT0S");
        assertEquals(200, back.statusCode(), back.body());
        assertEquals("PT0S", Http.json(back).getString("offset"));
    }

    @Test
    void aDraftCannotBeSubmittedOnceTheClockPassesItsCallsCloseTime() {
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String enterprise = http.token("enterprise1", TestData.DEMO_PASSWORD);
        HttpResponse<String> program = http.postJson("api/v1/bureau/programs", Json.createObjectBuilder()
                .add("name", "创新券（时钟测试）").add("subsidyKind", "SHARED_SERVICE").add("department", "高新技术科")
                .build().toString(), Http.bearer(reviewer));
        assertEquals(201, program.statusCode(), program.body());
        Instant opens = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant closes = opens.plus(2, ChronoUnit.DAYS);
        HttpResponse<String> created = http.postJson("api/v1/bureau/calls", Json.createObjectBuilder()
                .add("programId", Http.json(program).getJsonNumber("id").longValue()).add("title", "两天后截止的通知")
                .add("year", 2026).add("opensAt", opens.toString()).add("closesAt", closes.toString())
                .add("budget", 100000.00).add("guide", "指南").build().toString(), Http.bearer(reviewer));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject call = Http.json(created);
        long callId = call.getJsonNumber("id").longValue();
        HttpResponse<String> published = http.postJson("api/v1/bureau/calls/" + callId + "/publication",
                "{\"version\":" + call.getJsonNumber("version").longValue() + "}",
                Http.bearer(http.token("approver", TestData.DEMO_PASSWORD)));
        assertEquals(200, published.statusCode(), published.body());

        HttpResponse<String> started = http.postJson("api/v1/declarations", "{\"callId\":" + callId + "}", Http.bearer(enterprise));
        assertEquals(201, started.statusCode(), started.body());
        long id = Http.declarationId(Http.json(started));
        long version = Http.declarationVersion(Http.json(started));
        String submission = "api/v1/declarations/" + id + "/submission";
        HttpResponse<String> early = http.postJson(submission, "{\"version\":" + version + "}", Http.bearer(enterprise));
        assertEquals("declaration.submissionRefused", Http.json(early).getString("code"), "still open: refused for its gaps");

        HttpResponse<String> moved = moveClock("P2DT1H");
        assertEquals(200, moved.statusCode(), moved.body());
        Instant serverNow = Instant.parse(Http.json(moved).getString("now"));
        assertTrue(serverNow.isAfter(closes), "the server's time " + serverNow + " is past the close " + closes);
        enterprise = http.token("enterprise1", TestData.DEMO_PASSWORD); // the old token expired with the move
        HttpResponse<String> late = http.postJson(submission, "{\"version\":" + version + "}", Http.bearer(enterprise));
        assertEquals(409, late.statusCode(), late.body());
        assertEquals("declaration.callClosed", Http.json(late).getString("code"));
        HttpResponse<String> again = http.postJson("api/v1/declarations", "{\"callId\":" + callId + "}",
                Http.bearer(http.token("enterprise2", TestData.DEMO_PASSWORD)));
        assertEquals("declaration.callNotOpen", Http.json(again).getString("code"));
    }

    @Test
    void onlyAnAdministratorMovesTheClockAndOnlyForward() {
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        assertEquals(403, http.putJson("api/v1/test/clock", "{\"offset\":\"P1D\"}",
                Http.bearer(http.token("reviewer", TestData.DEMO_PASSWORD))).statusCode());
        assertEquals(401, http.putJson("api/v1/test/clock", "{\"offset\":\"P1D\"}").statusCode());
        HttpResponse<String> backwards = http.putJson("api/v1/test/clock", "{\"offset\":\"-PT1S\"}", Http.bearer(admin));
        assertEquals(422, backwards.statusCode(), backwards.body());
        assertEquals("testClock.offset", Http.json(backwards).getString("code"));
        JsonObject read = Http.json(http.get("api/v1/test/clock", Http.bearer(admin)));
        assertEquals("PT0S", read.getString("offset"));
        Duration drift = Duration.between(Instant.now(), Instant.parse(read.getString("now"))).abs();
        assertTrue(drift.compareTo(Duration.ofMinutes(1)) < 0, "not moved: the server's time is the real time " + drift);
    }
}
