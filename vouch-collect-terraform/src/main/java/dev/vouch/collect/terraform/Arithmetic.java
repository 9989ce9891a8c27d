package dev.vouch.collect.terraform;

/** Binary operators over evaluated values: integers stay {@link Long}, anything fractional is {@link Double}. */
final class Arithmetic {
    private Arithmetic() {
    }

    static Object apply(String op, Object a, Object b) {
        if (Values.isUnknown(a) || Values.isUnknown(b)) {
            return Unknown.VALUE;
        }
        return switch (op) {
            case "==" -> Values.equal(a, b);
            case "!=" -> !Values.equal(a, b);
            case "&&" -> Values.bool(a) && Values.bool(b);
            case "||" -> Values.bool(a) || Values.bool(b);
            case "<", "<=", ">", ">=" -> compare(op, Values.number(a), Values.number(b));
            default -> math(op, Values.number(a), Values.number(b));
        };
    }

    private static boolean compare(String op, Object a, Object b) {
        int c = Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static Object math(String op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> divide(x, y);
                case "%" -> modulo(x, y);
                default -> throw new EvalException("unsupported operator " + op);
            };
        }
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> {
                if (y == 0) {
                    throw new EvalException("division by zero");
                }
                yield x / y;
            }
            case "%" -> x % y;
            default -> throw new EvalException("unsupported operator " + op);
        };
    }

    private static Object divide(long x, long y) {
        if (y == 0) {
            throw new EvalException("division by zero");
        }
        return x % y == 0 ? (Object) (x / y) : (Object) ((double) x / y);
    }

    private static Object modulo(long x, long y) {
        if (y == 0) {
            throw new EvalException("modulo by zero");
        }
        return x % y;
    }
}
