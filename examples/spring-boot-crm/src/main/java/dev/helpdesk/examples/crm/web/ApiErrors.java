package dev.helpdesk.examples.crm.web;

import dev.helpdesk.examples.crm.desk.Rejected;
import dev.helpdesk.spi.rejection.Rejection;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The JSON endpoints' answers to rejections and to writes the CRM's database refused. */
@RestControllerAdvice(assignableTypes = TicketApi.class)
class ApiErrors {

    @ExceptionHandler(Rejected.class)
    ResponseEntity<Map<String, Object>> rejected(Rejected rejected) {
        Rejection r = rejected.rejection();
        HttpStatus status = r instanceof Rejection.NotFound ? HttpStatus.NOT_FOUND
                : r instanceof Rejection.NotAllowed ? HttpStatus.FORBIDDEN
                : r instanceof Rejection.Invalid ? HttpStatus.BAD_REQUEST
                : HttpStatus.CONFLICT;
        List<Map<String, String>> fields = r instanceof Rejection.Invalid invalid ? invalid.errors().stream()
                .map(e -> Map.of("field", e.field(), "problem", e.problem())).toList() : List.of();
        return ResponseEntity.status(status).body(Map.of("error", r.message(), "fields", fields));
    }

    @ExceptionHandler(NotSignedIn.class)
    ResponseEntity<Map<String, Object>> notSignedIn(NotSignedIn e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, Object>> refused(DataAccessException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("error",
                "the CRM refused the write, nothing was saved: " + e.getMostSpecificCause().getMessage()));
    }
}
