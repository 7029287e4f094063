/* The declaration editor's client-side helpers: an upload refused or broken before the page code saw it still
   ends in a message on the page, never in silence. */
var InnoFund = window.InnoFund || {};

/* Same limit as the server (web.xml multipart-config, Attachment.MAX_BYTES): checked here first so that a file
   that would be refused is not sent at all. */
InnoFund.MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

InnoFund.messagesWidget = function () {
    return PrimeFaces.getWidgetById('editorForm:formMessages') || PrimeFaces.getWidgetById('messages');
};

InnoFund.showError = function (text) {
    var messages = InnoFund.messagesWidget();
    if (messages) {
        messages.clearMessages();
        messages.appendMessage({severity: 'error', summary: $('<div/>').text(text).html(), detail: ''});
        messages.jq[0].scrollIntoView({block: 'center', behavior: 'smooth'});
    } else {
        alert(text);
    }
};

/* Sent by UploadLimitFilter when the container refused the upload for its size. */
InnoFund.uploadRefused = function (text) {
    InnoFund.showError(text);
};

InnoFund.uploadStarted = function () {
    var messages = InnoFund.messagesWidget();
    if (messages) {
        messages.clearMessages();
    }
};

/* The connection broke (for instance the server cut a far too large upload short). */
InnoFund.uploadFailed = function () {
    InnoFund.showError($('#uploadFailedText').text());
};

/* Before PrimeFaces' own handler on the input (capture phase): a file above the limit is not uploaded. */
document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input || input.type !== 'file' || !input.closest('.if-attachments') || !input.files) {
        return;
    }
    for (var i = 0; i < input.files.length; i++) {
        if (input.files[i].size > InnoFund.MAX_UPLOAD_BYTES) {
            event.stopImmediatePropagation();
            input.value = '';
            InnoFund.showError($('#uploadTooLargeText').text());
            return;
        }
    }
}, true);
