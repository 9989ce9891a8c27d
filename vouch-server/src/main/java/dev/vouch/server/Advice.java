package dev.vouch.server;

import dev.vouch.cli.workspace.ConfigException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Shared bits of every response: the signed-in user for the pages, and clear JSON errors for the API. */
final class Advice {
    private Advice() {
    }

    /** Puts {@code me} (the signed-in user, or null) into every page's model. */
    @ControllerAdvice(assignableTypes = PageController.class)
    static class Pages {
        @ModelAttribute("me")
        VouchUser me() {
            Authentication a = SecurityContextHolder.getContext().getAuthentication();
            return a != null && a.getPrincipal() instanceof VouchUser u ? u : null;
        }
    }

    /** Uploads over the limit are refused before any controller runs: 413 for the API and the pages alike. */
    @ControllerAdvice
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE) // before Spring's problem-details advice
    static class Uploads {
        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
            return Api.problem(HttpStatus.PAYLOAD_TOO_LARGE, "file: larger than this server accepts (vouch serve --max-upload-mb)");
        }
    }

    /** Bad input → 400 with the field named; a full disk or a damaged vault → 500 without internals. */
    @RestControllerAdvice(assignableTypes = ApiController.class)
    static class Api {
        @ExceptionHandler({IllegalArgumentException.class, ConfigException.class})
        ResponseEntity<Map<String, Object>> bad(RuntimeException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }

        @ExceptionHandler(java.util.NoSuchElementException.class)
        ResponseEntity<Map<String, Object>> missing(RuntimeException e) {
            return problem(HttpStatus.NOT_FOUND, e.getMessage());
        }

        static ResponseEntity<Map<String, Object>> problem(HttpStatus s, String detail) {
            return ResponseEntity.status(s).header("Content-Type", "application/problem+json")
                    .body(Map.of("status", s.value(), "title", s.getReasonPhrase(), "detail", detail == null ? "" : detail));
        }
    }
}
