/* Unsaved changes are not left silently (issue 9, item 9): a form with the class if-unsaved-guard becomes dirty when
   the user types or chooses in it, and clean again when the server answers a save from it with the callback
   parameter "saved" (the saving button's id, Feedback.saved). While a form is dirty, leaving the page (the language
   switch, a link, logging out, closing the tab) asks the browser's own question first. A file chosen for upload
   does not count: it is stored at once. */
var InnoFund = window.InnoFund || {};

InnoFund.unsaved = (function () {
    var dirty = {};
    var guarded = 'form.if-unsaved-guard :input:not([type=file]):not([type=hidden]):not(button)';

    /* jQuery's handler also sees the change events PrimeFaces' own inputs trigger (a choice in a selectOneMenu). */
    $(document).on('input.unsaved change.unsaved', guarded, function () {
        dirty[this.form.id] = true;
    });
    $(document).on('pfAjaxComplete.unsaved', function (event, xhr, settings, args) {
        if (args && args.saved) {
            delete dirty[String(args.saved).split(':')[0]];
        }
    });
    function isDirty() {
        return Object.keys(dirty).length > 0;
    }
    window.addEventListener('beforeunload', function (event) {
        if (isDirty()) {
            event.preventDefault();
            event.returnValue = ''; // Chromium asks only when a value is set
        }
    });
    return {isDirty: isDirty};
})();
