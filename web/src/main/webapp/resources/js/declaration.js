/* The declaration editor's few client-side helpers: an upload refused or broken before the page code saw it
   still ends in a message on the page, never in silence. */
var InnoFund = window.InnoFund || {};

InnoFund.showError = function (text) {
    var messages = PrimeFaces.getWidgetById('messages');
    var safe = $('<div/>').text(text).html();
    if (messages) {
        messages.clearMessages();
        messages.appendMessage({severity: 'error', summary: safe, detail: ''});
        window.scrollTo({top: 0, behavior: 'smooth'});
    } else {
        alert(text);
    }
};

/* Sent by UploadLimitFilter when the container refused the upload for its size. */
InnoFund.uploadRefused = function (text) {
    InnoFund.showError(text);
};

InnoFund.uploadStarted = function (widget) {
    var messages = PrimeFaces.getWidgetById('messages');
    if (messages) {
        messages.clearMessages();
    }
};

/* The connection broke (for instance the server cut a far too large upload short). */
InnoFund.uploadFailed = function () {
    InnoFund.showError($('#uploadFailedText').text());
};
