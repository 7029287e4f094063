/*
 * The bulk upload page sends the workbook and the reports in one request, which the Faces servlet's multipart limit
 * (web.xml) bounds: above it the container refuses the whole request unread. So the page says so as soon as the chosen
 * files add up to more (data-upload-limit on the form), and keeps its buttons from sending them.
 */
(function () {
    "use strict";
    document.addEventListener("change", function (event) {
        var form = event.target.form;
        if (!form || !form.hasAttribute("data-upload-limit")) {
            return;
        }
        var total = 0;
        form.querySelectorAll("input[type=file]").forEach(function (input) {
            Array.prototype.forEach.call(input.files || [], function (file) {
                total += file.size;
            });
        });
        var over = total > Number(form.getAttribute("data-upload-limit"));
        form.querySelector(".if-too-large").hidden = !over;
        form.querySelectorAll("button[type=submit]").forEach(function (button) {
            button.disabled = over;
            button.classList.toggle("ui-state-disabled", over);
        });
    });
})();
