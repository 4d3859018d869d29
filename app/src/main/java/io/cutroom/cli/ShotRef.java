package io.cutroom.cli;

import picocli.CommandLine;

/** An asset id, optionally with a shot: {@code 12} (every shot of asset 12) or {@code 12:3} (its shot 3). */
record ShotRef(long assetId, Integer shot) {
    static final class Converter implements CommandLine.ITypeConverter<ShotRef> {
        @Override
        public ShotRef convert(String value) {
            String[] parts = value.split(":", 2);
            try {
                return new ShotRef(Long.parseLong(parts[0].trim()), parts.length == 2 ? Integer.parseInt(parts[1].trim()) : null);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an asset id or ID:SHOT");
            }
        }
    }
}
