package io.github.umdf.nn.data;

/**
 * Bad input data. The message names the file, the split and the field, what was expected and what
 * was found, so that a user can fix the file without reading our code.
 */
public final class InvalidDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An error in the usual shape: {@code file: split 'train', field 'audio': expected ..., found ...}.
     *
     * @param file     the file (or data set) name; may be null
     * @param split    the split, or null when not split-specific
     * @param field    the field or key, or null
     * @param expected what was expected
     * @param found    what was found
     */
    public static InvalidDataException of(Object file, Object split, String field, String expected, String found) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (split != null) {
            sb.append("split '").append(split).append("', ");
        }
        if (field != null) {
            sb.append("field '").append(field).append("': ");
        }
        sb.append("expected ").append(expected).append(", found ").append(found);
        return new InvalidDataException(sb.toString());
    }
}
