package io.vantage.web.admin;

/** The outcome of a change, shown once at the top of the page the admin is redirected to. */
record Flash(String level, String text) {

    static Flash success(String text) {
        return new Flash("success", text);
    }

    static Flash warning(String text) {
        return new Flash("warning", text);
    }

    static Flash danger(String text) {
        return new Flash("danger", text);
    }
}
