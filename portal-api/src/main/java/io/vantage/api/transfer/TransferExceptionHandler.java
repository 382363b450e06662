package io.vantage.api.transfer;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.vantage.cloud.api.InstanceFileException;

/** Refused transfers as problem+json naming the path or the size limit. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = TransferController.class)
class TransferExceptionHandler {

    @ExceptionHandler(UploadSizeException.class)
    ProblemDetail size(UploadSizeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status() == HttpStatus.PAYLOAD_TOO_LARGE ? "File too large" : "Size required");
        problem.setProperty("maxUploadSize", e.limit());
        return problem;
    }

    @ExceptionHandler(InstanceFileException.class)
    ProblemDetail refused(InstanceFileException e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case REFUSED, PERMISSION -> HttpStatus.FORBIDDEN;
            case EXISTS -> HttpStatus.CONFLICT;
            case FAILED -> HttpStatus.BAD_GATEWAY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(switch (e.reason()) {
            case NOT_FOUND -> "No such file or folder";
            case REFUSED -> "Path refused";
            case PERMISSION -> "Not allowed by the instance";
            case EXISTS -> "File exists";
            case FAILED -> "Transfer failed";
        });
        problem.setProperty("reason", e.reason().name());
        problem.setProperty("errors", List.of(Map.of("field", "path", "message", e.getMessage())));
        return problem;
    }
}
