/*
 * A run's confirmations come as one ZIP streamed by the server as it writes it (no length known in advance). The page
 * fetches it, counts the bytes against what the PDFs weigh (data-expected, about the ZIP's size) to show a progress
 * bar, then hands the file to the browser to save.
 */
(function () {
    "use strict";
    document.addEventListener("click", function (event) {
        var button = event.target.closest(".if-zip-download button");
        if (!button || button.disabled) {
            return;
        }
        var box = button.closest(".if-zip-download");
        var bar = box.querySelector("progress");
        var status = box.querySelector("[role=status]");
        var expected = Math.max(1, Number(box.getAttribute("data-expected")));
        button.disabled = true;
        bar.hidden = false;
        bar.value = 0;
        status.textContent = "0%";
        fetch(box.getAttribute("data-href"), {credentials: "same-origin"}).then(function (response) {
            if (!response.ok || !response.body) {
                throw new Error(String(response.status));
            }
            var reader = response.body.getReader();
            var chunks = [];
            var received = 0;
            function read() {
                return reader.read().then(function (step) {
                    if (step.done) {
                        return new Blob(chunks, {type: "application/zip"});
                    }
                    chunks.push(step.value);
                    received += step.value.length;
                    var percent = Math.min(99, Math.floor(received * 100 / expected));
                    bar.value = percent;
                    status.textContent = percent + "%";
                    return read();
                });
            }
            return read();
        }).then(function (blob) {
            bar.value = 100;
            status.textContent = box.getAttribute("data-done");
            var link = document.createElement("a");
            link.href = URL.createObjectURL(blob);
            link.download = box.getAttribute("data-file");
            document.body.appendChild(link);
            link.click();
            setTimeout(function () {
                URL.revokeObjectURL(link.href);
                link.remove();
            }, 1000);
        }).catch(function (error) {
            status.textContent = box.getAttribute("data-failed") + " (" + error.message + ")";
        }).finally(function () {
            button.disabled = false;
        });
    });
})();
