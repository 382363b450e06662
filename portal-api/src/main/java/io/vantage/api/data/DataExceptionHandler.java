package io.vantage.api.data;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The dataset catalogue down or refusing: 503 problem+json saying so. */
@RestControllerAdvice(annotations = RestController.class)
class DataExceptionHandler {

    @ExceptionHandler(CatalogueUnavailableException.class)
    ProblemDetail unavailable(CatalogueUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Data catalogue unavailable");
        return problem;
    }
}
