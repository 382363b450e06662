package io.vantage.web.admin;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.BindingResult;

import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;

/**
 * Puts a service's refusal next to the field it is about when the form has that field (form fields are named
 * like the API's), else above the form. The services' sentences are already written for people.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Checks the API request a form was turned into against the API's own rules (patterns of names, for one), so
     * the pages need not repeat them; a broken rule goes next to the form field of the same name.
     */
    public static <T> boolean valid(Validator validator, T request, BindingResult result) {
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            if (!result.hasFieldErrors(field)) {
                reject(result, new FieldException(field, violation.getMessage()));
            }
        }
        return !result.hasErrors();
    }

    public static void reject(BindingResult result, RuntimeException refusal) {
        String field = null;
        if (refusal instanceof FieldException f) {
            field = f.field();
        } else if (refusal instanceof ConflictException c && c.properties().get("field") instanceof String named) {
            field = named;
        }
        Object target = result.getTarget();
        if (field != null && target != null
                && PropertyAccessorFactory.forBeanPropertyAccess(target).isReadableProperty(field)) {
            result.rejectValue(field, "admin.refused", refusal.getMessage());
        } else {
            result.reject("admin.refused", refusal.getMessage());
        }
    }
}
