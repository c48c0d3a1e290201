package io.bilan.engine.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The errors of a Bean Validation failure of a request body, as {@link ProblemMapper} reports them: one per
 * constraint broken, with the JSON Pointer of the offending value in the body ({@code /roadmap/0/title}; the empty
 * pointer for the body itself) and a code named after the constraint ({@code size}, {@code not-null}).
 */
final class ConstraintViolations {

    private ConstraintViolations() {
    }

    static List<ProblemDetails.Error> errors(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(violation -> new ProblemDetails.Error(code(violation), pointer(violation.getPropertyPath()),
                        violation.getMessage(), null, "error"))
                .sorted(Comparator.comparing(ProblemDetails.Error::pointer).thenComparing(ProblemDetails.Error::code))
                .toList();
    }

    /** The constraint's name in kebab case: {@code NotNull} is {@code not-null}. */
    static String code(ConstraintViolation<?> violation) {
        String name = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The JSON Pointer of a violation of a resource method's parameter: what follows the parameter in the path,
     * list indexes and map keys included.
     */
    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                pointer.setLength(0);
                continue;
            }
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    pointer.append('/').append(node.getIndex());
                } else if (node.getKey() != null) {
                    pointer.append('/').append(escape(String.valueOf(node.getKey())));
                }
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                pointer.append('/').append(escape(node.getName()));
            }
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
