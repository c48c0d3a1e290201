package io.bilan.engine.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error code of a request value outside the closed set an enum holds, e.g. {@code invalid-decision}: a body
 * naming a value the enum does not know is a 400 problem with this code, pointing at the value. An enum of a
 * request without it is reported with {@code unknown-value}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UnknownValueCode {

    /** The code, in kebab case. */
    String value();
}
