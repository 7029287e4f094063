package org.innofund.it;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 9, item 17: Deque's axe-core on a page as the browser shows it, against WCAG 2.1 AA. Only serious and
 * critical findings count; each is named by rule, page and element. axe's script is injected through WebDriver
 * (executeScript runs in the page from outside it, so the Content-Security-Policy does not apply to it).
 */
final class Accessibility {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> COUNTED = Set.of("serious", "critical");

    /**
     * Findings in PrimeFaces' own markup that no attribute of ours can change: rule → the CSS selector of the elements
     * it is waived for. Each says why; a rule is never switched off for a whole page.
     */
    private static final Map<String, String> OUTSIDE_OUR_MARKUP = Map.of(
            // p:messages renders each message as <li role="alert"> so that a screen reader announces it; the role is
            // what makes axe say the <ul> holds something else than list items. p:messages has no attribute for it.
            "list", ".ui-messages ul",
            // p:selectOneMenu filter="true" points its filter box at the table of a menu with columns (aria-controls
            // "…_table"), which a menu of plain items does not render.
            "aria-valid-attr-value", ".ui-selectonemenu-filter",
            // The open p:selectOneMenu's popup list (role="listbox") has no name of its own; PrimeFaces names the menu
            // itself from its p:outputLabel (checked by the "label" rule), not the popup.
            "aria-input-field-name", ".ui-selectonemenu-items",
            // ...and its scrolling wrapper is not focusable: the keyboard moves through the items with the arrow keys
            // from the menu's own input (or its filter box), and PrimeFaces scrolls the list to the highlighted item.
            "scrollable-region-focusable", ".ui-selectonemenu-items-wrapper",
            // p:fileUpload mode="simple" skinSimple="true" keeps the native file input, transparent, over its own
            // labelled choose button (it is what opens the browser's file chooser) and marks it aria-hidden; no
            // attribute of p:fileUpload changes that.
            "aria-hidden-focus", ".ui-fileupload-simple input[type=file]",
            // p:dataTable's selection box for a row that cannot be selected (selectionDisabled) is rendered as a bare
            // role="checkbox" div, aria-disabled and out of the tab order, without the hidden labelled input it gives
            // a selectable row; no attribute of the table or the column names it. The row's own cells name the row.
            "aria-toggle-field-name", ".ui-selection-column .ui-chkbox-box.ui-state-disabled");

    private Accessibility() {
    }

    /** The serious and critical violations on the current page, one line each: rule, page, element, what is wrong. */
    static List<String> violations(WebDriver driver) {
        String page = driver.getCurrentUrl();
        // what the page shows once its requests are answered and its transitions (a button fading back) are over
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()) && document.getAnimations().length === 0;")));
        List<String> found = new ArrayList<>();
        for (Rule rule : new AxeBuilder().withTags(WCAG_21_AA).analyze(driver).getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String target = String.valueOf(node.getTarget());
                if (COUNTED.contains(node.getImpact()) && !outsideOurMarkup(driver, rule.getId(), node.getTarget())) {
                    found.add(rule.getId() + " (" + node.getImpact() + ") on " + page + " at " + target + ": "
                            + node.getHtml() + " — " + node.getFailureSummary().replace('\n', ' '));
                }
            }
        }
        return found;
    }

    private static boolean outsideOurMarkup(WebDriver driver, String rule, Object target) {
        String waived = OUTSIDE_OUR_MARKUP.get(rule);
        // axe names an element of the page itself by a one-selector list (more only inside frames, which we have none of)
        return waived != null && target instanceof List<?> selectors && selectors.size() == 1
                && Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "var e = document.querySelector(arguments[0]); return e !== null && e.matches(arguments[1]);",
                String.valueOf(selectors.get(0)), waived));
    }
}
