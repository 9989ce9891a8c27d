package dev.vouch.engine;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The CEL vocabulary of Vouch checks: the variables {@code resource}, {@code related} and
 * {@code candidate}, and the Vouch functions documented in docs/checks.md. Declarations (for
 * compiling, once, at load) are separate from bindings (for running, bound to the scan clock).
 */
final class CelEnvironment {
    /** Options for resources with unresolved values: CEL tracks unknown attributes (costly per access). */
    static final CelOptions OPTIONS = CelOptions.current()
            .enableUnknownTracking(true)
            .enableHeterogeneousNumericComparisons(true)
            .build();
    /** Options for fully-known resources, the common case: no unknown tracking. */
    static final CelOptions FAST_OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .build();

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("resource", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("related", MapType.create(SimpleType.STRING, ListType.create(SimpleType.DYN)))
            .addVar("candidate", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addFunctionDeclarations(declarations())
            .build();

    private CelEnvironment() {
    }

    static CelCompiler compiler() {
        return COMPILER;
    }

    static CelRuntime runtime(Clock clock, boolean trackUnknowns) {
        return CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(trackUnknowns ? OPTIONS : FAST_OPTIONS)
                .addFunctionBindings(bindings(clock))
                .build();
    }

    private static CelFunctionDecl fn(String name, String overload, dev.cel.common.types.CelType result,
            dev.cel.common.types.CelType... params) {
        return CelFunctionDecl.newFunctionDeclaration(name,
                CelOverloadDecl.newGlobalOverload(overload, result, params));
    }

    private static List<CelFunctionDecl> declarations() {
        return List.of(
                fn("lower", "vouch_lower", SimpleType.STRING, SimpleType.STRING),
                fn("upper", "vouch_upper", SimpleType.STRING, SimpleType.STRING),
                fn("split", "vouch_split", ListType.create(SimpleType.STRING), SimpleType.STRING, SimpleType.STRING),
                fn("asBool", "vouch_asBool", SimpleType.BOOL, SimpleType.DYN),
                fn("asInt", "vouch_asInt", SimpleType.INT, SimpleType.DYN),
                fn("portIn", "vouch_portIn", SimpleType.BOOL, SimpleType.DYN, SimpleType.INT),
                fn("cidrIsAny", "vouch_cidrIsAny", SimpleType.BOOL, SimpleType.DYN),
                fn("daysSince", "vouch_daysSince", SimpleType.INT, SimpleType.DYN),
                fn("daysUntil", "vouch_daysUntil", SimpleType.INT, SimpleType.DYN),
                fn("get", "vouch_get", SimpleType.DYN, SimpleType.DYN, SimpleType.STRING, SimpleType.DYN));
    }

    private static List<CelFunctionBinding> bindings(Clock clock) {
        return List.of(
                CelFunctionBinding.from("vouch_lower", String.class, s -> s.toLowerCase(java.util.Locale.ROOT)),
                CelFunctionBinding.from("vouch_upper", String.class, s -> s.toUpperCase(java.util.Locale.ROOT)),
                CelFunctionBinding.from("vouch_split", String.class, String.class, VouchFunctions::split),
                CelFunctionBinding.from("vouch_asBool", Object.class, VouchFunctions::asBool),
                CelFunctionBinding.from("vouch_asInt", Object.class, VouchFunctions::asInt),
                CelFunctionBinding.from("vouch_portIn", Object.class, Long.class, VouchFunctions::portIn),
                CelFunctionBinding.from("vouch_cidrIsAny", Object.class, VouchFunctions::cidrIsAny),
                CelFunctionBinding.from("vouch_daysSince", Object.class, v -> VouchFunctions.daysSince(v, clock)),
                CelFunctionBinding.from("vouch_daysUntil", Object.class, v -> -VouchFunctions.daysSince(v, clock)),
                CelFunctionBinding.from("vouch_get", List.of(Object.class, String.class, Object.class),
                        args -> VouchFunctions.get(args[0], (String) args[1], args[2])));
    }

    /** The value CEL uses for a JSON null inside maps and lists. */
    static Object celNull() {
        return dev.cel.common.values.NullValue.NULL_VALUE;
    }

    static boolean isCelNull(Object o) {
        return o == null || o instanceof dev.cel.common.values.NullValue;
    }

    static Map<String, Object> emptyMap() {
        return Map.of();
    }
}
