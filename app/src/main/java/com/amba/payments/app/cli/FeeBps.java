package com.amba.payments.app.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A default fee as typed on the command line: basis points, or {@code none} to clear it. The range is left to
 * the API ({@code INVALID_FEE}), so the CLI never disagrees with the service about what is allowed.
 */
record FeeBps(Integer bps) {

    static final String NONE = "none";

    /** The wire value: {@code null} clears the fee. */
    Integer wireValue() {
        return bps;
    }

    /** How a fee reads in human output, for this option's values and the API's answers alike. */
    static String describe(Integer bps) {
        return bps == null ? NONE : bps + " bps";
    }

    /** Picocli's converter: a usage error (exit 2) for anything but a whole number or {@code none}. */
    static final class Converter implements ITypeConverter<FeeBps> {
        @Override
        public FeeBps convert(String value) {
            if (NONE.equalsIgnoreCase(value.strip())) {
                return new FeeBps(null);
            }
            try {
                return new FeeBps(Integer.valueOf(value.strip()));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is neither a whole number of basis points nor 'none'");
            }
        }
    }
}
