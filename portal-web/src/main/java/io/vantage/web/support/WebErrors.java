package io.vantage.web.support;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import io.vantage.api.data.CatalogueUnavailableException;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.domain.instance.IllegalInstanceStateException;

/**
 * Errors in page actions: htmx requests get problem+json (shown as a toast with its sentence); full pages get the
 * error page with the right status.
 */
@ControllerAdvice(basePackages = "io.vantage.web")
class WebErrors {

    @ExceptionHandler({IllegalInstanceStateException.class, ConflictException.class})
    Object conflict(RuntimeException e, HttpServletRequest request) {
        HttpStatus status = e instanceof ConflictException c ? c.status() : HttpStatus.CONFLICT;
        return respond(request, status, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(CatalogueUnavailableException.class)
    Object catalogue(CatalogueUnavailableException e, HttpServletRequest request) {
        return respond(request, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler({FieldException.class, IllegalArgumentException.class})
    Object badRequest(RuntimeException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static Object respond(HttpServletRequest request, HttpStatus status, String detail) {
        if (request.getHeader("HX-Request") == null) {
            ModelAndView page = new ModelAndView("error", status);
            page.addObject("status", status.value());
            page.addObject("error", status.getReasonPhrase());
            page.addObject("message", detail);
            return page;
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
