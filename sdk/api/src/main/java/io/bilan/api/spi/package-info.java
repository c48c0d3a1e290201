/**
 * The Java scorer SPI: implement {@link io.bilan.api.spi.BilanPlugin} and {@link io.bilan.api.spi.Scorer},
 * register the plugin with {@link java.util.ServiceLoader}, and name the scorer in a manifest.
 */
package io.bilan.api.spi;
