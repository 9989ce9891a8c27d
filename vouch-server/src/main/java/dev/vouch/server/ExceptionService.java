package dev.vouch.server;

import dev.vouch.cli.ReportInputs;
import dev.vouch.store.ExceptionRequests;
import dev.vouch.store.ExceptionRequests.Request;
import dev.vouch.store.ExceptionRequests.State;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Exceptions (accepted risks) requested by editors and decided by admins, never by the one who asked (two people
 * for every accepted risk). An approved request applies from the next scan as exception {@code REQ-n}; its start and
 * end are then recorded in the vault like any exception's.
 */
@Service
public class ExceptionService {
    /** The longest an exception may run: risks are re-accepted at least yearly. */
    static final int MAX_DAYS = 366;
    private final WorkspaceContext ws;
    private final AuditTrail audit;
    private volatile Set<String> checkIds;

    public ExceptionService(WorkspaceContext ws, AuditTrail audit) {
        this.ws = ws;
        this.audit = audit;
    }

    private ExceptionRequests requests() {
        return ws.store().exceptionRequests();
    }

    /** The requests {@code u} may see: an auditor those requested in their window, as they stood at its end. */
    public List<Request> visibleTo(VouchUser u) {
        return requests().all().stream().filter(r -> u.sees(r.requestedAt())).map(r -> asOfWindow(r, u)).toList();
    }

    /** For an auditor, a request decided after their window is shown as it stood at the window's end: still requested. */
    static Request asOfWindow(Request r, VouchUser u) {
        if (!u.isAuditor() || r.decidedAt().map(u::sees).orElse(true)) {
            return r;
        }
        return new Request(r.id(), r.checkId(), r.resourceGlob(), r.reason(), r.expires(),
                r.requestedBy(), r.requestedAt(), State.REQUESTED, Optional.empty(),
                Optional.empty(), "");
    }


    public Request request(VouchUser u, String check, String resource, String reason, String expires, String address) {
        String c = check == null ? "" : check.strip();
        if (!checks().contains(c)) {
            throw new IllegalArgumentException("check: no check '" + c + "' (see vouch checks list)");
        }
        String glob = resource == null ? "" : resource.strip();
        if (glob.isEmpty() || glob.length() > 500 || glob.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("resource: a resource id or glob (e.g. infra/azurerm_storage_account.logs or *), at most 500 characters");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10 || why.length() > 2000) {
            throw new IllegalArgumentException("reason: say why the risk is accepted and what mitigates it (10 to 2000 characters)");
        }
        LocalDate until = date(expires);
        LocalDate today = LocalDate.ofInstant(ws.clock().instant(), ZoneOffset.UTC);
        if (!until.isAfter(today) || until.isAfter(today.plusDays(MAX_DAYS))) {
            throw new IllegalArgumentException("expires: a date after today and at most " + MAX_DAYS + " days ahead (was " + until + ")");
        }
        Request r = requests().create(c, glob, why, until, u.username(), ws.clock().instant());
        audit.record(u.username(), "exception.request", r.exceptionId(), address, true,
                ApiController.with(ApiController.via(u), "check", c, "resource", glob, "expires", until.toString()));
        return r;
    }

    /** approve, reject (a pending request) or revoke (an approved one); admins only, and not the requester. */
    public Request decide(VouchUser u, long id, String action, String note, String address) {
        if (!u.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only an admin decides exceptions");
        }
        Request r = requests().get(id).orElseThrow(() -> new java.util.NoSuchElementException("no exception request " + id));
        State from;
        State to;
        switch (action) {
            case "approve" -> {
                from = State.REQUESTED;
                to = State.APPROVED;
            }
            case "reject" -> {
                from = State.REQUESTED;
                to = State.REJECTED;
            }
            case "revoke" -> {
                from = State.APPROVED;
                to = State.REVOKED;
            }
            default -> throw new IllegalArgumentException("action: approve, reject or revoke");
        }
        if (to != State.REVOKED && r.requestedBy().equals(u.username())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you asked for this exception: another admin decides it");
        }
        String n = note == null ? "" : note.strip();
        if (n.length() > 2000) {
            throw new IllegalArgumentException("note: at most 2000 characters");
        }
        if (!requests().decide(id, from, to, u.username(), n, ws.clock().instant())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "exception request " + id + " is " + r.state().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not " + from.name().toLowerCase(java.util.Locale.ROOT));
        }
        audit.record(u.username(), "exception." + action, r.exceptionId(), address, true, ApiController.with(ApiController.via(u),
                "check", r.checkId(), "requestedBy", r.requestedBy()));
        return requests().get(id).orElseThrow();
    }

    private Set<String> checks() {
        Set<String> ids = checkIds;
        if (ids == null) {
            Map<String, ?> all = ReportInputs.checks(ws.workspace());
            ids = Set.copyOf(all.keySet());
            checkIds = ids;
        }
        return ids;
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s == null ? "" : s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expires: a date like 2027-01-31, was '" + s + "'");
        }
    }
}
