package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Kubernetes quantities in the whole units the portal counts in. */
final class Quantities {

    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024);
    private static final BigDecimal GIB = MIB.multiply(BigDecimal.valueOf(1024));

    private Quantities() {
    }

    /** A limit rounds down: half a core free is not room for a one-core machine. */
    static int floor(Quantity quantity, BigDecimal unit) {
        return quantity.getNumericalAmount().divide(unit, 0, RoundingMode.FLOOR).intValueExact();
    }

    /** Usage rounds up: half a core in use is not free. */
    static int ceil(Quantity quantity, BigDecimal unit) {
        return quantity.getNumericalAmount().divide(unit, 0, RoundingMode.CEILING).intValueExact();
    }

    static BigDecimal mib() {
        return MIB;
    }

    static int toGib(String quantity) {
        return floor(new Quantity(quantity), GIB);
    }
}
