package io.vantage.web.admin;

/**
 * The outcome of a change, shown once at the top of the page the admin is redirected to. Serializable: flash
 * attributes travel in the session, which is stored in the database.
 */
public record Flash(String level, String text) implements java.io.Serializable {

    public static Flash success(String text) {
        return new Flash("success", text);
    }

    public static Flash warning(String text) {
        return new Flash("warning", text);
    }

    public static Flash danger(String text) {
        return new Flash("danger", text);
    }
}
