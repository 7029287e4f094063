/* The date inputs' calendar in Chinese reads "2026年11月" (issue 9, item 6). PrimeFaces asks PrimeFaces.locales for
   the view's locale (zh_CN) and falls back to its own "zh", whose month names are 一月…十二月 and whose year has no
   suffix ("2026 十一月"); zh_CN here is that locale with numbered months and 年 after the year. Loaded at the end of
   the body (WEB-INF/tags/date.xhtml): after PrimeFaces' scripts, before the pickers are built on DOM ready. */
(function () {
    if (!window.PrimeFaces || !$.prime || !$.prime.datePicker) {
        return;
    }
    var months = [];
    for (var m = 1; m <= 12; m++) {
        months.push(m + '月');
    }
    PrimeFaces.locales.zh_CN = $.extend(true, {}, PrimeFaces.locales.zh || {}, {
        monthNames: months,
        monthNamesShort: months,
        showMonthAfterYear: true,
        yearSuffix: '年'
    });

    /* PrimeFaces' picker has no year suffix of its own: the year (a choice list or plain text) gets the locale's,
       and year and month then read as one ("2026年11月", no space between). */
    var picker = $.prime.datePicker.prototype; // the calendar PrimeFaces' DatePicker widget draws with
    var yearElement = picker.renderTitleYearElement;
    var title = picker.renderTitle;
    picker.renderTitleYearElement = function (year, index) {
        var html = yearElement.call(this, year, index);
        var suffix = this.options.locale && this.options.locale.yearSuffix;
        return suffix ? html.replace(/>(\d{4})</g, '>$1' + suffix + '<') : html;
    };
    picker.renderTitle = function (month) {
        var html = title.call(this, month);
        return this.options.locale && this.options.locale.yearSuffix ? html.replace('&#xa0;', '') : html;
    };
})();
