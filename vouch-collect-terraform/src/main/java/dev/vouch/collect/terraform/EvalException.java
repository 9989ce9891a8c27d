package dev.vouch.collect.terraform;

/** An expression that is well-formed but cannot be evaluated (type mismatch, bad argument). */
final class EvalException extends RuntimeException {
    EvalException(String message) {
        super(message);
    }
}
