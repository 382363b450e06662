package io.vantage.web.admin;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Admin forms send every field, filled or not: an empty text box means "not given" (null), as leaving the field
 * out of a JSON request does, so optional values are not stored as empty strings.
 */
@ControllerAdvice(basePackages = {"io.vantage.web.admin", "io.vantage.web.catalogue", "io.vantage.web.notification",
        "io.vantage.web.user"})
class AdminBinding {

    @InitBinder
    void emptyIsNull(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }
}
