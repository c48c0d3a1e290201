/**
 * What instrument authors and researchers code against.
 *
 * <ul>
 *   <li>{@link io.bilan.api.instrument}: the instrument package model, one record per manifest part;</li>
 *   <li>{@link io.bilan.api.response}: a response set, one respondent's answers;</li>
 *   <li>{@link io.bilan.api.report}: the score report and the problems found in packages and responses;</li>
 *   <li>{@link io.bilan.api.spi}: the Java scorer SPI, found with {@link java.util.ServiceLoader};</li>
 *   <li>{@link io.bilan.api.vocabulary}: the shared vocabularies results are mapped to.</li>
 * </ul>
 *
 * <p>This module depends on the JDK and Jackson annotations only.
 */
package io.bilan.api;
