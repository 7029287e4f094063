package org.innofund.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only (added to the product's WAR by the OOM crash test, never part of the product): fills Payara's heap and
 * keeps it full, so that every other thread of the server meets an OutOfMemoryError too.
 */
@WebServlet("/test/exhaust-heap")
public class HeapExhaustionServlet extends HttpServlet {

    private static final List<byte[]> HELD = new ArrayList<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            while (true) {
                HELD.add(new byte[1 << 20]);
            }
        } catch (OutOfMemoryError e) {
            response.getWriter().write("heap exhausted: " + HELD.size() + " MB held");
        }
    }
}
